import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import '../src/styles.css'
import { frozenUploader } from './frozenUploader'
import { snapshot } from './snapshot'

/** `<AssetDropzone>` showing one file in each state. */
function States() {
  const [uploader] = useState(() => frozenUploader(snapshot))
  const [strategy] = useState(() => partnerAssets({ token: 'unused' }))
  return (
    <div style={{ maxWidth: 640 }}>
      <AssetDropzone strategy={strategy} uploader={uploader} />
    </div>
  )
}

const meta = {
  title: 'Widgets/States',
  component: States,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Every state a file can be in: validating, queued, rejected (with the reason), uploading (with progress), succeeded, failed (with the server’s message and a retry button) and cancelled.',
      },
    },
  },
} satisfies Meta<typeof States>

export default meta

/** validating, queued, rejected, uploading, succeeded, failed, cancelled. */
export const EveryState: StoryObj<typeof meta> = {}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import '../src/styles.css'
import { frozenUploader } from './frozenUploader'
import { snapshot } from './snapshot'

/** A brand's own look: the variables, set on the widget through a class of the app's. */
const brand = `.assetdrop.brand {
  --assetdrop-font: Georgia, serif;
  --assetdrop-accent: #0b6b50;
  --assetdrop-border: #8fb8a9;
  --assetdrop-background: #f3f8f5;
  --assetdrop-radius: 2px;
  --assetdrop-gap: 8px;
}`

interface LooksProps {
  /** How wide the widget is: a phone (375) moves each row's actions under its name. */
  width: number
}

/** Every state of a file in light, dark and a brand's own variables, at a chosen width. */
export function Looks({ width }: LooksProps) {
  const [uploader] = useState(() => frozenUploader(snapshot))
  const [strategy] = useState(() => partnerAssets({ token: 'unused' }))
  return (
    <div style={{ display: 'grid', gap: 24, gridTemplateColumns: `repeat(auto-fill, ${width}px)` }}>
      <style>{brand}</style>
      <AssetDropzone strategy={strategy} uploader={uploader} theme="light" label="Light theme" />
      <AssetDropzone strategy={strategy} uploader={uploader} theme="dark" label="Dark theme" />
      <AssetDropzone
        strategy={strategy}
        uploader={uploader}
        theme="light"
        className="brand"
        label="Custom variables"
      />
    </div>
  )
}

const meta = {
  title: 'Widgets/Themes and phones',
  component: Looks,
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['Looks'],
  tags: ['autodocs'],
  args: { width: 560 },
  argTypes: { width: { control: { type: 'range', min: 320, max: 800, step: 5 } } },
  parameters: {
    docs: {
      description: {
        component:
          '`theme` (light, dark, auto) and the `--assetdrop-*` variables, with every state of a file. Narrow widgets (under 480 px) move each row’s actions under its name; on touch screens every button is at least 44 px.',
      },
    },
  },
} satisfies Meta<typeof Looks>

export default meta
type Story = StoryObj<typeof meta>

/** Light, dark and a brand's own variables, side by side. */
export const Themes: Story = {}
/** The same at a phone's width (375 px). */
export const Mobile: Story = { args: { width: 375 } }

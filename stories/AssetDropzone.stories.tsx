import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { backofficeImages } from '../src/presets/backofficeImages'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import '../src/styles.css'
import { demoCredentials as c } from '../test/server/demo'

interface DropzoneDemoProps {
  /** Which reference backend the files go to. */
  backend: 'partnerAssets' | 'backofficeImages'
  /** Whether files upload as soon as they are dropped. */
  autoUpload: boolean
}

/** `<AssetDropzone>`, assetdrop's own light widget (no Dashboard, no Preact), against a reference backend. */
function DropzoneDemo({ backend, autoUpload }: DropzoneDemoProps) {
  const strategy = useMemo(
    () =>
      backend === 'partnerAssets'
        ? partnerAssets({ token: c.partnerToken })
        : backofficeImages({
            apiKey: c.backofficeApiKey,
            imageUrl: (key) => new URL(`/${key}`, window.location.href).href,
          }),
    [backend],
  )
  return (
    <div style={{ maxWidth: 640 }}>
      <AssetDropzone key={`${backend}:${autoUpload}`} strategy={strategy} autoUpload={autoUpload} />
    </div>
  )
}

const meta = {
  title: 'Widgets/AssetDropzone',
  component: DropzoneDemo,
  tags: ['autodocs'],
  args: { backend: 'partnerAssets', autoUpload: false },
  argTypes: {
    backend: { control: 'inline-radio', options: ['partnerAssets', 'backofficeImages'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Drop, paste, or choose files (Tab reaches the chooser). Each file shows its status, progress and the reason it was refused or failed; a polite live region announces what happens.',
      },
    },
  },
} satisfies Meta<typeof DropzoneDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Any file, to the partner assets API (document 001). */
export const AnyFile: Story = {}

/** Images only (document 004): try a PDF renamed `.png` to see it refused before any request. */
export const ImagesOnly: Story = { args: { backend: 'backofficeImages', autoUpload: true } }

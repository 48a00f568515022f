import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
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
export function DropzoneDemo({ backend, autoUpload }: DropzoneDemoProps) {
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
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['DropzoneDemo'],
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

/** A real 1×1 PNG for the interaction test. */
const pixel = () =>
  new File(
    [
      Uint8Array.from(
        atob(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
        ),
        (c) => c.charCodeAt(0),
      ),
    ],
    'play.png',
    { type: 'image/png' },
  )

/** Drops a PNG, uploads it, and checks the asset record's link (an interaction test). */
export const DropAndUpload: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const area = canvas.getByText(/drop files here/i).closest('div') as HTMLElement
    const dataTransfer = new DataTransfer()
    dataTransfer.items.add(pixel())
    area.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }))
    area.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Upload 1 file' }))
    const uploaded = await canvas.findByRole(
      'list',
      { name: 'Uploaded assets' },
      { timeout: 10_000 },
    )
    await waitFor(() =>
      expect(within(uploaded).getByRole('link', { name: 'play.png' })).toBeInTheDocument(),
    )
    await expect(canvas.getByRole('status')).toHaveTextContent('Upload complete: 1 uploaded')
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { type FormEvent, useMemo, useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import type { AssetRecord } from '../src/core/asset'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import '../src/styles.css'
import { demoCredentials as c } from '../test/server/demo'

/** Assets the product already has, as an edit page loads them. */
const saved = (id: string, name: string): AssetRecord => ({
  id,
  name,
  mimeType: 'application/pdf',
  size: 48_000,
  previews: {},
  strategy: 'multipart-form',
  fileId: id,
  response: null,
})

/**
 * An edit form with two upload fields: a single-file avatar and a gallery that already holds two
 * assets. Removing a saved asset asks the server to delete it first (here it takes a moment).
 * Submitting posts the form to the reference backend, which answers with what it received.
 */
function EditForm() {
  const strategy = useMemo(() => partnerAssets({ token: c.partnerToken }), [])
  const [gallery, setGallery] = useState<readonly AssetRecord[]>([
    saved('spec-sheet', 'spec-sheet.pdf'),
    saved('manual', 'manual.pdf'),
  ])
  const [posted, setPosted] = useState<string>()
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const answer = await fetch('/__reference/form', {
      method: 'POST',
      body: new FormData(event.currentTarget),
    })
    setPosted(JSON.stringify(await answer.json(), null, 2))
  }
  return (
    <form
      onSubmit={submit}
      style={{
        maxWidth: 640,
        display: 'grid',
        gap: 16,
        padding: 16,
        background: '#fff',
        color: '#1d2330',
      }}
    >
      <label>
        Product name <input name="title" defaultValue="Kayak 3000" />
      </label>
      <fieldset>
        <legend>Avatar (one image; a new one replaces it)</legend>
        <AssetDropzone
          strategy={strategy}
          label="Avatar upload"
          name="avatarId"
          multiple={false}
          autoUpload
        />
      </fieldset>
      <fieldset>
        <legend>Gallery (required)</legend>
        <AssetDropzone
          strategy={strategy}
          label="Gallery upload"
          value={gallery}
          onChange={setGallery}
          onRemoveAsset={() => new Promise((resolve) => setTimeout(resolve, 400))}
          name="galleryIds"
          required
          autoUpload
        />
      </fieldset>
      <button type="submit">Save</button>
      {posted && (
        <output aria-label="What the form posted">
          <pre>{posted}</pre>
        </output>
      )}
    </form>
  )
}

const meta = {
  title: 'Widgets/In a form',
  component: EditForm,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The widgets as form fields: `value`/`onChange` with saved assets, `onRemoveAsset`, `multiple={false}`, `name` and `required`. Save posts the form to the reference backend, which shows what it received.',
      },
    },
  },
} satisfies Meta<typeof EditForm>

export default meta
type Story = StoryObj<typeof meta>

/** Saved assets, a single-file avatar, and a required gallery; Save shows what was posted. */
export const EditProduct: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const save = canvas.getByRole('button', { name: 'Save' })
    save.click()
    await waitFor(() =>
      expect(canvas.getByLabelText('What the form posted').textContent).toContain('spec-sheet'),
    )
  },
}

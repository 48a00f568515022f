import { composeStories, setProjectAnnotations } from '@storybook/react-vite'
import { cleanup, render, waitFor, within } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import preview from '../../.storybook/preview'
import * as dropzone from '../../stories/AssetDropzone.stories'
import * as form from '../../stories/InAForm.stories'
import * as strategies from '../../stories/Strategies.stories'
import { image } from '../presets/fixtures'

setProjectAnnotations(preview)
afterEach(cleanup)

const { DropAndUpload } = composeStories(dropzone)
const { EditProduct } = composeStories(form)

it('the DropAndUpload story drops a file, uploads it and shows its record', async () => {
  await DropAndUpload.run()
  expect(document.body.textContent).toContain('Upload complete: 1 uploaded')
})

it('the In a form story posts the saved gallery to the reference backend and shows it', async () => {
  await EditProduct.run()
  const posted = document.querySelector('output pre')?.textContent ?? ''
  expect(JSON.parse(posted)).toEqual({
    posted: { title: ['Kayak 3000'], galleryIds: ['spec-sheet', 'manual'] },
  })
})

it.each(Object.entries(composeStories(strategies)))(
  'the %s strategy story uploads a real file to its reference backend',
  async (_, Story) => {
    const view = within(render(<Story />).container)
    const file = await image('png')
    const dataTransfer = new DataTransfer()
    dataTransfer.items.add(file)
    const area = view.getByText(/drop files here/i).closest('div') as HTMLElement
    for (const type of ['dragenter', 'dragover', 'drop']) {
      area.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }))
    }
    await waitFor(() =>
      expect(
        within(view.getByRole('list', { name: 'Uploaded assets' })).getByText(file.name),
      ).toBeTruthy(),
    )
  },
)

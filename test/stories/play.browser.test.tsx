import { composeStories, setProjectAnnotations } from '@storybook/react-vite'
import { cleanup } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import preview from '../../.storybook/preview'
import * as dropzone from '../../stories/AssetDropzone.stories'
import * as form from '../../stories/InAForm.stories'

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

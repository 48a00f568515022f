import { composeStories, setProjectAnnotations } from '@storybook/react-vite'
import { cleanup } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import preview from '../../.storybook/preview'
import * as dropzone from '../../stories/AssetDropzone.stories'

setProjectAnnotations(preview)
afterEach(cleanup)

const { DropAndUpload } = composeStories(dropzone)

it('the DropAndUpload story drops a file, uploads it and shows its record', async () => {
  await DropAndUpload.run()
  expect(document.body.textContent).toContain('Upload complete: 1 uploaded')
})

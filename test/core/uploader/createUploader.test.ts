import { describe, expect, it } from 'vitest'
import { createUploader } from '../../../src/core/uploader/createUploader'
import { multipartForm } from '../../../src/strategies/multipartForm'

describe('createUploader', () => {
  it('can be created where there is no browser, as in server rendering', () => {
    expect(typeof globalThis.window).toBe('undefined')
    const uploader = createUploader({ strategy: multipartForm({ endpoint: '/upload' }) })
    expect(uploader.getSnapshot()).toEqual({
      items: [],
      status: 'idle',
      online: true,
      bytesUploaded: 0,
      bytesTotal: 0,
    })
    uploader.destroy()
  })

  it('answers files added after destroy with a rejected promise, not a throw in the caller', async () => {
    const uploader = createUploader({ strategy: multipartForm({ endpoint: '/upload' }) })
    uploader.destroy()
    const added = uploader.addFiles([])
    await expect(added).rejects.toThrow('This uploader has been destroyed')
  })
})

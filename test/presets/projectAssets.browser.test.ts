import { describe, expect, it } from 'vitest'
import { projectAssets } from '../../src/presets/projectAssets'
import { demoCredentials } from '../server/demo'
import {
  addFault,
  appPresign,
  bytesOf,
  pdfFile,
  referenceUrl,
  s3Bytes,
  uniqueName,
  uploadAll,
} from '../support'
import { image } from './fixtures'

const c = demoCredentials

/** How many requests the presign, S3 and project backends have answered so far. */
async function requestCount() {
  const response = await fetch(`${referenceUrl}/__reference/requests`)
  const requests = (await response.json()) as { backend: string }[]
  return requests.filter((request) => request.backend !== 'partner-assets').length
}
const preset = (options: Partial<Parameters<typeof projectAssets>[0]> = {}) =>
  projectAssets({
    projectId: c.projectId,
    apiKey: c.projectApiKey,
    apiBase: referenceUrl,
    presign: appPresign,
    ...options,
  })

describe('projectAssets (document 003, presigned PUT then register by reference)', () => {
  it('uploads to the bucket, registers the key with the metadata typed, and returns one record', async () => {
    const file = await image('jpg')
    const strategy = preset()
    const { uploader, assets, failed } = await (async () => {
      const { createUploader } = await import('../../src/core/uploader/createUploader')
      const uploader = createUploader({ strategy })
      const { added } = await uploader.addFiles([file])
      expect(added[0]?.meta).toEqual({ title: file.name.replace(/\.jpg$/, '') })
      uploader.setMeta(added[0]?.id ?? '', {
        title: 'Harbour at dawn',
        category: 'Photos',
        tags: ['sea', 'morning'],
      })
      return { uploader, ...(await uploader.upload()) }
    })()
    uploader.destroy()
    expect(failed).toEqual([])
    const asset = assets[0]
    expect(asset).toEqual({
      id: expect.stringMatching(/^[\w-]{20}$/),
      key: expect.stringMatching(/^projects\/uploads\/[0-9a-f-]{36}-/),
      name: file.name,
      mimeType: 'image/jpeg',
      size: file.size,
      previews: {},
      createdAt: expect.stringMatching(/^\d{4}-/),
      strategy: 'register-by-reference',
      fileId: expect.any(String),
      response: {
        asset: expect.objectContaining({
          title: 'Harbour at dawn',
          category: 'photos',
          tags: ['sea', 'morning'],
          media_type: 'processing',
          original_filename: file.name,
          project_id: c.projectId,
        }),
      },
    })
    expect(await s3Bytes(asset?.key ?? '')).toEqual(await bytesOf(file))
  })

  it('registers the file’s name as its title when the end user typed none', async () => {
    const file = pdfFile(uniqueName('Annual report.pdf'), 2048)
    const { assets } = await uploadAll(preset(), [file])
    expect(assets[0]?.response).toMatchObject({ asset: { title: file.name.replace(/\.pdf$/, '') } })
  })

  it('imports from a URL the end user pasted', async () => {
    const asset = await preset().importUrl({
      url: 'https://www.example.com/jpgfile.jpg',
      meta: { title: 'Imported' },
    })
    expect(asset).toMatchObject({
      name: 'jpgfile.jpg',
      url: 'https://www.example.com/jpgfile.jpg',
      strategy: 'register-by-reference',
      response: {
        asset: { title: 'Imported', media_type: 'processing', original_filename: 'jpgfile.jpg' },
      },
    })
  })

  it('refuses a blank required title before any request, and uploads once it is filled in', async () => {
    const before = await requestCount()
    const { createUploader } = await import('../../src/core/uploader/createUploader')
    const errors: string[] = []
    const uploader = createUploader({
      strategy: preset(),
      onUploadError: ({ error }) => errors.push(error.code),
    })
    const { added } = await uploader.addFiles([pdfFile(uniqueName('untitled.pdf'), 100)])
    const id = added[0]?.id ?? ''
    uploader.setMeta(id, { title: '' })
    const empty = await uploader.upload()
    expect(empty.failed[0]?.error).toMatchObject({
      code: 'meta-missing',
      params: { fields: 'Title' },
    })
    uploader.setMeta(id, { title: '   ' })
    const spaces = await uploader.retry(id)
    expect(spaces.failed[0]?.error).toMatchObject({ code: 'meta-missing' })
    // No presign, no PUT, no register: no bytes orphaned in storage.
    expect(await requestCount()).toBe(before)
    expect(errors).toEqual(['meta-missing', 'meta-missing'])
    uploader.setMeta(id, { title: 'Filled in' })
    const { assets } = await uploader.retry(id)
    uploader.destroy()
    expect(assets[0]?.response).toMatchObject({ asset: { title: 'Filled in' } })
  })

  it('imports only absolute http(s) URLs, before any request, titled from the URL by default', async () => {
    const before = await requestCount()
    for (const url of [
      '/local/downloads/myfile.jpg',
      'downloads/myfile.jpg',
      '//cdn.example.com/a.jpg',
      'file:///C:/photos/a.jpg',
      'ftp://example.com/a.jpg',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '',
    ]) {
      await expect(preset().importUrl({ url, meta: { title: 'x' } }), url).rejects.toMatchObject({
        code: 'url-invalid',
      })
    }
    expect(await requestCount()).toBe(before)

    const asset = await preset().importUrl({
      url: 'https://www.example.com/photos/Sunset%20Pier.jpg',
    })
    expect(asset.response).toMatchObject({
      asset: { title: 'Sunset Pier', original_filename: 'Sunset Pier.jpg' },
    })
    const bare = await preset().importUrl({ url: 'http://www.example.com/' })
    expect(bare.response).toMatchObject({ asset: { title: 'www.example.com' } })
  })

  it('reports each documented error with its code and the server’s message', async () => {
    const notFound = await uploadAll(preset({ projectId: 'not-found-id' }), [
      pdfFile(uniqueName('a.pdf'), 100),
    ])
    expect(notFound.failed[0]?.error).toMatchObject({
      code: 'not-found',
      status: 404,
      serverMessage: 'project not found',
    })

    await expect(
      preset().importUrl({
        url: 'https://www.example.com/a.jpg',
        meta: { title: 'x', media_type: 'image' },
      }),
    ).rejects.toMatchObject({
      code: 'rejected',
      status: 422,
      serverMessage: 'Invalid parameter \'media_type\' value "image": Must be one of: article.',
    })

    await addFault({
      match: { path: `/api/v2/projects/${c.projectId}/assets` },
      action: { kind: 'respond', status: 500, body: '{"error":"Internal Server Error"}' },
    })
    await expect(
      preset().importUrl({ url: 'https://www.example.com/b.jpg', meta: { title: 'y' } }),
    ).rejects.toMatchObject({
      code: 'server-error',
      status: 500,
      serverMessage: 'Internal Server Error',
    })

    const unauthorized = await uploadAll(preset({ apiKey: 'nope' }), [
      pdfFile(uniqueName('b.pdf'), 100),
    ])
    expect(unauthorized.failed[0]?.error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      serverMessage: 'Unauthorized',
    })
  })
})

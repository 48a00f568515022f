import { afterEach, describe, expect, it } from 'vitest'
import { createUploader, type Uploader } from '../../src/core/uploader/createUploader'
import { multipartForm } from '../../src/strategies/multipartForm'
import { demoCredentials } from '../server/demo'
import {
  addFault,
  bytesOf,
  pdfFile,
  pngFile,
  referenceUrl,
  requestsLabelled,
  storedBytes,
  uniqueName,
} from '../support'

const auth = { authorization: `Bearer ${demoCredentials.partnerToken}` }
const endpoint = (access: 'public' | 'private') =>
  `${referenceUrl}/api/v1/partner/asset/upload/${access}`

let uploader: Uploader | undefined
afterEach(() => uploader?.destroy())

describe('multipartForm against the document 001 reference backend', () => {
  it('uploads a public file byte for byte and returns the full asset record', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const file = pngFile()
    const { added } = await uploader.addFiles([file])
    const { assets, failed } = await uploader.upload()

    expect(failed).toEqual([])
    expect(assets).toHaveLength(1)
    const [asset] = assets
    expect(asset).toMatchObject({
      name: file.name,
      mimeType: 'image/png',
      size: file.size,
      access: 'public',
      strategy: 'multipart-form',
      fileId: added[0]?.id,
      key: expect.stringMatching(/\.png$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    expect(asset?.url).toMatch(new RegExp(`^${referenceUrl}/api/v1/partner/asset/`))
    expect(Object.keys(asset?.previews ?? {})).toEqual(['thumb', 'medium', 'large', 'largeX2'])
    expect(await storedBytes(asset?.url ?? '')).toEqual(await bytesOf(file))
    expect(uploader.getSnapshot().items[0]).toMatchObject({ status: 'succeeded', asset })
  })

  it('sends private files to the private endpoint, chosen per file', async () => {
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: (file) => endpoint(file.name.startsWith('secret') ? 'private' : 'public'),
        headers: auth,
      }),
    })
    const secret = pdfFile(uniqueName('secret.pdf'), 5000)
    const open = pdfFile(uniqueName('open.pdf'), 3000)
    await uploader.addFiles([secret, open])
    const { assets } = await uploader.upload()

    const byName = new Map(assets.map((asset) => [asset.name, asset]))
    expect(byName.get(secret.name)).toMatchObject({
      access: 'private',
      mimeType: 'application/pdf',
      size: 5000,
    })
    expect(byName.get(open.name)).toMatchObject({ access: 'public' })
    expect(await storedBytes(byName.get(secret.name)?.url ?? '', auth)).toEqual(
      await bytesOf(secret),
    )
  })

  it('asks an async token getter before the request and sends its token', async () => {
    let asked = 0
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: async () => {
          asked += 1
          await new Promise((resolve) => setTimeout(resolve, 10))
          return auth
        },
      }),
    })
    await uploader.addFiles([pngFile()])
    const { assets } = await uploader.upload()
    expect(assets).toHaveLength(1)
    expect(asked).toBe(1)
  })

  it('reports a 401 as `unauthorized` with the server’s message, after exactly one request', async () => {
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: { authorization: 'Bearer expired-token-123' },
      }),
    })
    const file = pngFile()
    await uploader.addFiles([file])
    const { assets, failed } = await uploader.upload()

    expect(assets).toEqual([])
    expect(failed).toHaveLength(1)
    const error = failed[0]?.error
    expect(error).toMatchObject({
      name: 'AssetDropError',
      code: 'unauthorized',
      status: 401,
      serverMessage: 'Full authentication is required to access this resource',
    })
    expect(error?.message).not.toContain('expired-token-123')
    expect(await requestsLabelled(file.name)).toHaveLength(1)
  })

  it('reports a 422 as `rejected` with the server’s message, after exactly one request', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const empty = new File([], uniqueName('empty.txt'), { type: 'text/plain' })
    await uploader.addFiles([empty])
    const { failed } = await uploader.upload()

    expect(failed[0]?.error).toMatchObject({
      code: 'rejected',
      status: 422,
      serverMessage: 'File is empty',
    })
    expect(await requestsLabelled(empty.name)).toHaveLength(1)
    expect(uploader.getSnapshot().items[0]).toMatchObject({
      status: 'failed',
      error: { code: 'rejected' },
    })
  })

  it('fails with a typed error, and sends nothing, when the token getter throws', async () => {
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: () => Promise.reject(new Error('session ended')),
      }),
    })
    const file = pngFile()
    await uploader.addFiles([file])
    const { failed } = await uploader.upload()
    expect(failed[0]?.error).toMatchObject({
      code: 'unauthorized',
      cause: new Error('session ended'),
    })
    expect(await requestsLabelled(file.name)).toHaveLength(0)
  })

  it('refuses a file over the limit before any request, and uploads the valid one beside it', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
      constraints: { maxFileSize: 10_000 },
    })
    const big = pdfFile(uniqueName('big.pdf'), 10_001)
    const small = pdfFile(uniqueName('small.pdf'), 10_000)
    const { added, rejected } = await uploader.addFiles([big, small])
    expect(added.map((file) => file.name)).toEqual([small.name])
    expect(rejected[0]).toMatchObject({
      file: { name: big.name },
      issues: [{ code: 'file-too-large' }],
    })

    const { assets } = await uploader.upload()
    expect(assets.map((asset) => asset.name)).toEqual([small.name])
    expect(await requestsLabelled(big.name)).toHaveLength(0)
  })

  it('lists a second add of the same file as a duplicate', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const file = pngFile()
    await uploader.addFiles([file])
    const { added, rejected } = await uploader.addFiles([file])
    expect(added).toEqual([])
    expect(rejected[0]?.issues[0]?.code).toBe('duplicate')
  })

  it('retries one failed file when asked, and it succeeds once the token is right', async () => {
    let token = 'stale-token-value'
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: () => ({ authorization: `Bearer ${token}` }),
      }),
    })
    const file = pngFile()
    const [info] = (await uploader.addFiles([file])).added
    const first = await uploader.upload()
    expect(first.failed[0]?.error.code).toBe('unauthorized')

    token = demoCredentials.partnerToken
    const second = await uploader.retry(info?.id)
    expect(second.failed).toEqual([])
    expect(second.assets.map((asset) => asset.name)).toEqual([file.name])
    expect(await requestsLabelled(file.name)).toHaveLength(2)
    expect(uploader.getSnapshot().items.map((item) => item.status)).toEqual(['succeeded'])
  })

  it('cancels a queued file so nothing is sent for it, and uploads the others', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const cancelled = pngFile()
    const kept = pngFile()
    const [first] = (await uploader.addFiles([cancelled, kept])).added
    uploader.cancel(first?.id)
    const { assets } = await uploader.upload()

    expect(assets.map((asset) => asset.name)).toEqual([kept.name])
    expect(uploader.getSnapshot().items.map((item) => [item.name, item.status])).toEqual([
      [cancelled.name, 'cancelled'],
      [kept.name, 'succeeded'],
    ])
    expect(await requestsLabelled(cancelled.name)).toHaveLength(0)
  })

  it('removes a file from the list and from the queue', async () => {
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const removed = pngFile()
    const [info] = (await uploader.addFiles([removed])).added
    uploader.remove(info?.id ?? '')
    expect(uploader.getSnapshot().items).toEqual([])
    const { assets, failed } = await uploader.upload()
    expect([assets, failed]).toEqual([[], []])
    expect(await requestsLabelled(removed.name)).toHaveLength(0)
  })

  it('sends extra form fields, such as the document’s assetType', async () => {
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: auth,
        fields: { assetType: 'DOCUMENT' },
      }),
    })
    await uploader.addFiles([pngFile()])
    const { assets } = await uploader.upload()
    expect(assets[0]?.response).toMatchObject({ type: 'DOCUMENT' })
  })

  it('reports a 200 that names no asset as `answer-unrecognized`, after one request', async () => {
    await addFault({
      match: { path: '/api/v1/partner/asset/upload/' },
      action: { kind: 'respond', status: 200, body: '{"status":"stored"}' },
    })
    uploader = createUploader({
      strategy: multipartForm({ endpoint: endpoint('public'), headers: auth }),
    })
    const file = pngFile()
    await uploader.addFiles([file])
    const { failed } = await uploader.upload()
    expect(failed[0]?.error).toMatchObject({ code: 'answer-unrecognized', status: 200 })
  })

  it('fails with `redirected`, without using the answer, when the server redirects to another origin', async () => {
    const file = pngFile()
    // The same backend under another origin (localhost for 127.0.0.1): it would answer 200.
    const elsewhere = endpoint('public').replace('127.0.0.1', 'localhost')
    await addFault({
      match: {
        method: 'POST',
        path: '/api/v1/partner/asset/upload/',
        header: ['x-file', file.name],
      },
      action: { kind: 'respond', status: 307, headers: { location: elsewhere } },
    })
    uploader = createUploader({
      strategy: multipartForm({
        endpoint: endpoint('public'),
        headers: { ...auth, 'x-file': file.name },
      }),
      retry: false,
    })
    await uploader.addFiles([file])
    const { assets, failed } = await uploader.upload()
    expect(assets).toEqual([])
    expect(failed.map(({ error }) => error.code)).toEqual(['redirected'])
  })
})

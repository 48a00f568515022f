import { describe, expect, it } from 'vitest'
import { backofficeImages } from '../../src/presets/backofficeImages'
import { imageOnly } from '../../src/strategies/imageOnly'
import { demoCredentials } from '../server/demo'
import { bytesOf, pdfFile, referenceUrl, storedBytes, uniqueName, uploadAll } from '../support'
import { spyOnNetwork } from '../validation/networkSpy'
import { image } from './fixtures'

const c = demoCredentials
const preset = (options: Partial<Parameters<typeof backofficeImages>[0]> = {}) =>
  backofficeImages({
    apiKey: c.backofficeApiKey,
    apiBase: referenceUrl,
    imageUrl: (key) => `${referenceUrl}/${key}`,
    ...options,
  })

describe('backofficeImages (document 004, image-only)', () => {
  it.each(['png', 'jpg', 'gif', 'webp'] as const)(
    'uploads a real %s and returns its record',
    async (format) => {
      const file = await image(format)
      const { assets, added } = await uploadAll(preset(), [file])
      const asset = assets[0]
      expect(asset).toEqual({
        id: asset?.key,
        key: expect.stringMatching(new RegExp(`^uploads/[0-9a-f-]{36}\\.${format}$`)),
        name: file.name,
        mimeType: file.type,
        size: file.size,
        url: `${referenceUrl}/${asset?.key}`,
        previews: {},
        strategy: 'image-only',
        fileId: added.added[0]?.id,
        response: { data: { key: asset?.key } },
      })
      expect(await storedBytes(asset?.url ?? '')).toEqual(await bytesOf(file))
    },
  )

  it('sends the key in the header by default, and in the query only when asked', async () => {
    const spy = spyOnNetwork()
    try {
      await uploadAll(preset(), [await image('png')])
      await uploadAll(preset({ keyIn: 'query' }), [await image('png')])
    } finally {
      spy.stop()
    }
    const [header, query] = spy.requests.filter((request) => request.url.includes('/upload/image'))
    expect(header?.headers['x-api-key']).toBe(c.backofficeApiKey)
    expect(header?.url).not.toContain(c.backofficeApiKey)
    expect(query?.headers['x-api-key']).toBeUndefined()
    expect(query?.url).toContain(`x-api-key=${c.backofficeApiKey}`)
  })

  it('reports 401 as `unauthorized` and 403 as `forbidden`, with the server’s messages', async () => {
    const unauthorized = await uploadAll(preset({ apiKey: 'nope' }), [await image('png')])
    expect(unauthorized.failed[0]?.error).toMatchObject({
      code: 'unauthorized',
      serverMessage: 'Unauthorized API KEY',
    })
    const forbidden = await uploadAll(preset({ apiKey: c.backofficeReadOnlyApiKey }), [
      await image('png'),
    ])
    expect(forbidden.failed[0]?.error).toMatchObject({
      code: 'forbidden',
      serverMessage: 'Unauthorized roles',
    })
  })

  it('reports the server’s 400 as `rejected` when a file gets past the browser', async () => {
    const lax = imageOnly({
      endpoint: `${referenceUrl}/upload/image`,
      headers: { 'x-api-key': c.backofficeApiKey },
      constraints: { allowedTypes: ['application/pdf'] },
    })
    const { failed } = await uploadAll(lax, [pdfFile(uniqueName('scan.pdf'), 2000)])
    expect(failed[0]?.error).toMatchObject({
      code: 'rejected',
      status: 400,
      serverMessage: expect.stringContaining('Accepted image file formats'),
    })
  })

  it('refuses, before any request, files that are not real web images or are over 15 MB', async () => {
    const renamed = new File([pdfFile('x.pdf', 100)], uniqueName('scan.png'), {
      type: 'image/png',
    })
    const png = await image('png')
    const big = new File([png, new Uint8Array(15 * 1024 * 1024)], uniqueName('big.png'), {
      type: 'image/png',
    })
    const { added } = await uploadAll(preset(), [renamed, big])
    expect(added.rejected.map((rejection) => rejection.issues[0]?.code)).toEqual([
      'content-mismatch',
      'file-too-large',
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/index.ts'
import { backofficeMaxBytes } from './backofficeImages.ts'
import { demoCredentials } from './demo.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())

function upload(
  name: string,
  bytes: Uint8Array,
  options: { apiKey?: string | null; inQuery?: boolean; field?: string } = {},
) {
  const form = new FormData()
  form.append(options.field ?? 'image', new File([new Uint8Array(bytes)], name))
  const apiKey = options.apiKey === undefined ? demoCredentials.backofficeApiKey : options.apiKey
  const query = apiKey && options.inQuery ? `?x-api-key=${apiKey}` : ''
  const headers: Record<string, string> = apiKey && !options.inQuery ? { 'x-api-key': apiKey } : {}
  return fetch(`${server.url}/upload/image${query}`, { method: 'POST', body: form, headers })
}

describe('reference backend for document 004 (image-only)', () => {
  it.each([
    ['photo.png', 'photo.png', 'png'],
    ['photo.jpg', 'photo.jpg', 'jpg'],
    ['photo.jpg', 'photo.jpeg', 'jpeg'],
    ['photo.gif', 'photo.gif', 'gif'],
    ['photo.webp', 'photo.webp', 'webp'],
  ])('stores %s sent as %s under uploads/<uuid>.%s', async (fixtureName, name, extension) => {
    const response = await upload(name, fixture(fixtureName))
    expect(response.status).toBe(200)
    const body = (await response.json()) as { data: { key: string } }
    expect(body).toEqual({
      data: { key: expect.stringMatching(new RegExp(`^uploads/[0-9a-f-]{36}\\.${extension}$`)) },
    })
    const stored = await fetch(`${server.url}/${body.data.key}`)
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(fixture(fixtureName))
  })

  it('accepts the API key as a query parameter', async () => {
    expect((await upload('photo.png', fixture('photo.png'), { inQuery: true })).status).toBe(200)
  })

  it('answers 401 "Unauthorized API KEY" without a valid key', async () => {
    for (const apiKey of [null, 'nope']) {
      const response = await upload('photo.png', fixture('photo.png'), { apiKey })
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ message: 'Unauthorized API KEY' })
    }
  })

  it('answers 403 "Unauthorized roles" for a key without the uploader role', async () => {
    const response = await upload('photo.png', fixture('photo.png'), {
      apiKey: demoCredentials.backofficeReadOnlyApiKey,
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ message: 'Unauthorized roles' })
  })

  it.each([
    ['a PNG renamed .gif', 'photo.gif', fixture('photo.png')],
    ['a JPEG renamed .png', 'photo.png', fixture('photo.jpg')],
    ['text renamed .png', 'notes.png', Buffer.from('just some text, not an image')],
    [
      'an HTML page renamed .jpg',
      'page.jpg',
      Buffer.from('<!doctype html><script>alert(1)</script>'),
    ],
    [
      'an SVG image',
      'logo.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'),
    ],
    ['a PDF', 'report.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n')],
    ['a BMP image', 'photo.bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])],
  ])('answers 400 for %s', async (_, name, bytes) => {
    const response = await upload(name, bytes)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      message: expect.stringContaining('Accepted image file formats'),
    })
  })

  it('answers 400 without an `image` field', async () => {
    const response = await upload('photo.png', fixture('photo.png'), { field: 'file' })
    expect(response.status).toBe(400)
  })

  it('accepts an image of exactly 15 MB and refuses one byte more with 400', async () => {
    const png = fixture('photo.png')
    const atLimit = Buffer.concat([png, Buffer.alloc(backofficeMaxBytes - png.length)])
    expect((await upload('big.png', atLimit)).status).toBe(200)
    const over = Buffer.concat([atLimit, Buffer.from([0])])
    const response = await upload('big.png', over)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ message: 'Max supported file size: 15Mb' })
  })
})

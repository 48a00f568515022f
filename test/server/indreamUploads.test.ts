import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/index.ts'
import { demoCredentials } from './demo.ts'
import { indreamUploadsBackend } from './indreamUploads.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())

const key = { 'x-api-key': demoCredentials.indreamApiKey }

function upload(body: Uint8Array, headers: Record<string, string>, origin = server.url) {
  return fetch(`${origin}/v1/uploads`, { method: 'POST', headers, body: new Uint8Array(body) })
}

describe('reference backend for document 002 (raw body)', () => {
  it('stores an image sent as the whole body and answers its real dimensions', async () => {
    const png = fixture('photo.png')
    const response = await upload(png, {
      ...key,
      'content-type': 'image/png',
      'x-file-name': 'photo.png',
    })
    expect(response.status).toBe(200)
    const { data, meta } = (await response.json()) as {
      data: Record<string, unknown>
      meta: unknown
    }
    expect(data).toEqual({
      assetId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'image',
      source: 'upload',
      filename: 'photo.png',
      mimetype: 'image/png',
      size: png.length,
      fileUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\/files\/uploads\//),
      fileKey: expect.stringMatching(/^uploads\/[0-9a-f-]{36}\.png$/),
      width: 40,
      height: 30,
      duration: null,
    })
    expect(meta).toEqual({})
    const stored = await fetch(data.fileUrl as string)
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(png)
  })

  it.each(['photo.jpg', 'photo.gif', 'photo.webp'])('reads the dimensions of %s', async (name) => {
    const type = `image/${name.endsWith('jpg') ? 'jpeg' : name.split('.')[1]}`
    const response = await upload(fixture(name), {
      ...key,
      'content-type': type,
      'x-file-name': name,
    })
    expect((await response.json()) as unknown).toMatchObject({ data: { width: 40, height: 30 } })
  })

  it('binds the asset to the project in x-project-id', async () => {
    const projectId = '9179b887-04ef-4ce5-ab3a-b5bbd39ea3c8'
    const response = await upload(Buffer.from('%PDF-1.4\n'), {
      ...key,
      'content-type': 'application/pdf',
      'x-file-name': 'report.pdf',
      'x-project-id': projectId,
    })
    const body = (await response.json()) as { data: Record<string, unknown>; meta: unknown }
    expect(body.data).toMatchObject({ type: 'file', width: null, height: null })
    expect(body.meta).toEqual({ projectId })
    expect(server.backends.indreamUploads.uploads.get(body.data.fileKey as string)?.projectId).toBe(
      projectId,
    )
  })

  it('decodes a percent-encoded non-ASCII name', async () => {
    const response = await upload(Buffer.from('a'), {
      ...key,
      'content-type': 'text/plain',
      'x-file-name': encodeURIComponent('Übersicht – März.txt'),
    })
    expect((await response.json()) as unknown).toMatchObject({
      data: { filename: 'Übersicht – März.txt' },
    })
  })

  it('accepts a name of exactly 512 characters', async () => {
    const response = await upload(Buffer.from('a'), {
      ...key,
      'content-type': 'text/plain',
      'x-file-name': 'n'.repeat(512),
    })
    expect(response.status).toBe(200)
  })

  it('answers the document’s 403 problem object for an account that may not use the route', async () => {
    const response = await upload(Buffer.from('a'), {
      'x-api-key': demoCredentials.indreamIneligibleApiKey,
      'content-type': 'text/plain',
      'x-file-name': 'a.txt',
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      type: 'FORBIDDEN',
      title: 'Forbidden',
      status: 403,
      detail: 'The current account is not eligible for this Open API route',
      errorCode: 'OPEN_API_RUNTIME_ACCESS_FORBIDDEN',
    })
  })

  it.each([
    ['no API key', 401, { 'content-type': 'text/plain', 'x-file-name': 'a.txt' }],
    [
      'a wrong API key',
      401,
      { 'x-api-key': 'nope', 'content-type': 'text/plain', 'x-file-name': 'a.txt' },
    ],
    ['no x-file-name', 400, { ...key, 'content-type': 'text/plain' }],
    ['an empty x-file-name', 400, { ...key, 'content-type': 'text/plain', 'x-file-name': '' }],
    [
      'a 513-character x-file-name',
      400,
      { ...key, 'content-type': 'text/plain', 'x-file-name': 'n'.repeat(513) },
    ],
    [
      'an x-project-id that is not a uuid',
      400,
      { ...key, 'content-type': 'text/plain', 'x-file-name': 'a.txt', 'x-project-id': 'p1' },
    ],
  ])('refuses %s with %i and a problem object', async (_, status, headers) => {
    const response = await upload(Buffer.from('a'), headers)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      errorCode: expect.any(String),
    })
  })

  it('refuses an empty body with 400', async () => {
    const response = await upload(new Uint8Array(0), {
      ...key,
      'content-type': 'text/plain',
      'x-file-name': 'a.txt',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'EMPTY_FILE' })
  })

  it('refuses a body over its limit with 413', async () => {
    const small = indreamUploadsBackend({ apiKey: 'k', ineligibleApiKey: 'x', maxBytes: 1000 })
    const http = createServer((request, response) => void small.handle(request, response))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    try {
      const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
      const response = await upload(
        new Uint8Array(1001),
        { 'x-api-key': 'k', 'content-type': 'application/octet-stream', 'x-file-name': 'big.bin' },
        origin,
      )
      expect(response.status).toBe(413)
      expect(await response.json()).toMatchObject({ status: 413, errorCode: 'FILE_TOO_LARGE' })
    } finally {
      http.closeAllConnections()
      http.close()
    }
  })
})

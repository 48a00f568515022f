import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/index.ts'
import { demoCredentials } from './demo.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())

const png = fixture('photo.png')
const auth = { authorization: `Bearer ${demoCredentials.dinteroToken}` }

function requestUploadUrl(
  body: unknown,
  options: { aid?: string; headers?: Record<string, string> } = {},
) {
  return fetch(
    `${server.url}/v1/accounts/${options.aid ?? demoCredentials.dinteroAccountId}/management/assets`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.headers ?? auth) },
      body: JSON.stringify(body),
    },
  )
}

async function uploadUrlFor(body: Record<string, unknown>) {
  const response = await requestUploadUrl(body)
  expect(response.status).toBe(200)
  return (await response.json()) as {
    public_url: string
    upload_url: string
    upload_expires_in: number
  }
}

function put(url: string, bytes: Uint8Array, contentType: string) {
  return fetch(url, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: new Uint8Array(bytes),
  })
}

async function s3Error(response: Response) {
  const text = await response.text()
  return {
    status: response.status,
    code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1],
    message: /<Message>([^<]+)<\/Message>/.exec(text)?.[1],
  }
}

describe('reference backend for document 000 (presigned PUT)', () => {
  it('answers a presigned PUT on the S3 store that stores the bytes, served at public_url', async () => {
    const answer = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    expect(answer.upload_expires_in).toBe(3600)
    const upload = new URL(answer.upload_url)
    expect(upload.origin).toBe(server.s3Url)
    expect(upload.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host')

    const stored = await put(answer.upload_url, png, 'image/png')
    expect(stored.status).toBe(200)
    expect(stored.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
    const served = await fetch(answer.public_url)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png)
  })

  it('allows a page on another origin to PUT and read the ETag', async () => {
    const answer = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    const preflight = await fetch(answer.upload_url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toMatch(
      /^(\*|http:\/\/localhost:6006)$/,
    )
    const stored = await fetch(answer.upload_url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', origin: 'http://localhost:6006' },
      body: new Uint8Array(png),
    })
    expect(stored.headers.get('access-control-expose-headers')).toContain('ETag')
  })

  it.each([
    ['application/pdf', 'pdf'],
    ['image/jpeg', 'jpg'],
    ['application/vnd.ms-excel', 'xls'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['text/csv', 'csv'],
  ])('accepts %s', async (mimeType, extension) => {
    const answer = await uploadUrlFor({ size_bytes: 10, mime_type: mimeType })
    expect(answer.public_url).toMatch(new RegExp(`\\.${extension}$`))
  })

  it('defaults access to public, and keeps private assets off public_url', async () => {
    const open = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    expect(server.backends.dinteroAssets.issued.at(-1)?.access).toBe('public')
    expect((await put(open.upload_url, png, 'image/png')).status).toBe(200)

    const secret = await uploadUrlFor({
      size_bytes: png.length,
      mime_type: 'image/png',
      access: 'private',
    })
    expect((await put(secret.upload_url, png, 'image/png')).status).toBe(200)
    expect((await fetch(secret.public_url)).status).toBe(404)
    expect((await fetch(open.public_url)).status).toBe(200)
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
  ])('refuses %s with 401', async (_, headers) => {
    const response = await requestUploadUrl({ size_bytes: 1, mime_type: 'image/png' }, { headers })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { message: expect.any(String) } })
  })

  it.each(['X12345678', 'T1234567', 'T123456789', 'p12345678'])(
    'refuses the account id %s with 400',
    async (aid) => {
      expect(
        (await requestUploadUrl({ size_bytes: 1, mime_type: 'image/png' }, { aid })).status,
      ).toBe(400)
    },
  )

  it.each([0, 2_000_001, 1.5, '10', null])('refuses size_bytes %j with 400', async (size) => {
    expect((await requestUploadUrl({ size_bytes: size, mime_type: 'image/png' })).status).toBe(400)
  })

  it('accepts the bounds of size_bytes, 1 and 2,000,000', async () => {
    expect((await requestUploadUrl({ size_bytes: 1, mime_type: 'text/csv' })).status).toBe(200)
    expect((await requestUploadUrl({ size_bytes: 2_000_000, mime_type: 'text/csv' })).status).toBe(
      200,
    )
  })

  it.each(['image/gif', 'image/webp', 'text/html', undefined])(
    'refuses mime_type %j with 400',
    async (mimeType) => {
      expect((await requestUploadUrl({ size_bytes: 1, mime_type: mimeType })).status).toBe(400)
    },
  )

  it('refuses an access other than private or public with 400', async () => {
    expect(
      (await requestUploadUrl({ size_bytes: 1, mime_type: 'image/png', access: 'team' })).status,
    ).toBe(400)
  })
})

describe('the S3 store behind document 000', () => {
  it('refuses a tampered signature with SignatureDoesNotMatch', async () => {
    const { upload_url } = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    const url = new URL(upload_url)
    const signature = url.searchParams.get('X-Amz-Signature') ?? ''
    url.searchParams.set(
      'X-Amz-Signature',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    )
    expect(await s3Error(await put(url.href, png, 'image/png'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    })
  })

  it('refuses a URL whose key was changed with SignatureDoesNotMatch', async () => {
    const { upload_url } = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    const url = new URL(upload_url)
    url.pathname = url.pathname.replace(/\.png$/, '-other.png')
    expect(await s3Error(await put(url.href, png, 'image/png'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    })
  })

  it('refuses a Content-Type other than the signed one', async () => {
    const { upload_url } = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    expect(await s3Error(await put(upload_url, png, 'image/jpeg'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    })
  })

  it('refuses a body of another length than the signed one', async () => {
    const { upload_url } = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    const longer = Buffer.concat([png, Buffer.from([0])])
    expect(await s3Error(await put(upload_url, longer, 'image/png'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    })
  })

  it('refuses an expired URL with AccessDenied "Request has expired"', async () => {
    await fetch(`${server.url}/__reference/faults`, {
      method: 'POST',
      body: JSON.stringify({
        match: { path: '/management/assets' },
        action: { kind: 'expire-upload-urls', seconds: 1 },
      }),
    })
    const answer = await uploadUrlFor({ size_bytes: png.length, mime_type: 'image/png' })
    expect(answer.upload_expires_in).toBe(1)
    await sleep(2100)
    expect(await s3Error(await put(answer.upload_url, png, 'image/png'))).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    })
  })
})

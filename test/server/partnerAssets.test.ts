import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCredentials } from './demo.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
const auth = { authorization: `Bearer ${demoCredentials.partnerToken}` }

beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())

function upload(
  path: 'public' | 'private',
  form: FormData,
  headers: Record<string, string> = auth,
) {
  return fetch(`${server.url}/api/v1/partner/asset/upload/${path}`, {
    method: 'POST',
    body: form,
    headers,
  })
}

function form(bytes: Uint8Array<ArrayBuffer>, name = 'report.pdf', type = 'application/pdf') {
  const body = new FormData()
  body.append('name', name)
  body.append('file', new File([bytes], name, { type }))
  return body
}

describe('reference backend for document 001 (partner assets)', () => {
  it('stores a public upload and answers a CompanyAsset with every documented field', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3])
    const response = await upload('public', form(bytes))
    expect(response.status).toBe(200)
    const asset = (await response.json()) as Record<string, unknown>
    for (const field of [
      'id',
      'companyId',
      'created',
      'modified',
      'deleted',
      'updated',
      'name',
      'key',
      'type',
      'publicURL',
      'active',
      'priority',
      'secured',
      'thumbURL',
      'mediumURL',
      'largeURL',
      'largeX2URL',
      'origURL',
      'platformFileUrl',
    ]) {
      expect(asset).toHaveProperty(field)
    }
    expect(asset).toMatchObject({ name: 'report.pdf', secured: false, type: 'DOCUMENT' })
    const stored = await fetch(asset.publicURL as string)
    expect(stored.headers.get('content-type')).toBe('application/pdf')
    expect(stored.headers.get('cache-control')).toContain('max-age=2592000')
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(bytes)
  })

  it('keeps a private upload behind the bearer token', async () => {
    const response = await upload('private', form(new Uint8Array([1, 2, 3])))
    const asset = (await response.json()) as { key: string; secured: boolean; publicURL: unknown }
    expect(asset).toMatchObject({ secured: true, publicURL: null })
    const path = `${server.url}/api/v1/partner/asset/${asset.key}`
    expect((await fetch(path)).status).toBe(401)
    expect((await fetch(path, { headers: auth })).status).toBe(200)
  })

  it('refuses a missing or wrong token with a Spring-style 401', async () => {
    const response = await upload('public', form(new Uint8Array([1])), {
      authorization: 'Bearer wrong',
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      status: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    })
  })

  it('refuses a form without a file part with 400 and an empty file with 422', async () => {
    const noFile = new FormData()
    noFile.append('name', 'x')
    expect((await upload('public', noFile)).status).toBe(400)
    const empty = await upload('public', form(new Uint8Array(0)))
    expect(empty.status).toBe(422)
    expect(await empty.json()).toMatchObject({ message: 'File is empty' })
  })

  it('answers 404 for an unknown key, and 204 when handleError=true', async () => {
    expect((await fetch(`${server.url}/api/v1/partner/asset/missing`)).status).toBe(404)
    expect(
      (await fetch(`${server.url}/api/v1/partner/asset/missing?handleError=true`)).status,
    ).toBe(204)
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/index.ts'
import { demoCredentials } from './demo.ts'
import type { Fault } from './faults.ts'
import { type ReferenceServer, startReferenceServer } from './referenceServer.ts'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(() => server.close())
beforeEach(() => fetch(`${server.url}/__reference/faults`, { method: 'DELETE' }))

function addFault(fault: Partial<Fault>) {
  return fetch(`${server.url}/__reference/faults`, { method: 'POST', body: JSON.stringify(fault) })
}

function uploadImage(headers: Record<string, string> = {}) {
  const form = new FormData()
  form.append('image', new File([new Uint8Array(fixture('photo.png'))], 'photo.png'))
  return fetch(`${server.url}/upload/image`, {
    method: 'POST',
    body: form,
    headers: { 'x-api-key': demoCredentials.backofficeApiKey, ...headers },
  })
}

describe('fault controls', () => {
  it('fails the next N matching requests with the chosen status and body, then lets them through', async () => {
    await addFault({
      match: { path: '/upload/image' },
      count: 2,
      action: { kind: 'respond', status: 503, body: '{"message":"busy"}' },
    })
    const first = await uploadImage()
    expect([first.status, await first.json()]).toEqual([503, { message: 'busy' }])
    expect((await uploadImage()).status).toBe(503)
    expect((await uploadImage()).status).toBe(200)
  })

  it('answers with an HTML error page', async () => {
    await addFault({ match: { path: '/upload/image' }, action: { kind: 'html', status: 502 } })
    const response = await uploadImage()
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(await response.text()).toContain('<html>')
  })

  it('answers with an empty body', async () => {
    await addFault({ match: { path: '/upload/image' }, action: { kind: 'empty', status: 200 } })
    const response = await uploadImage()
    expect([response.status, await response.text()]).toEqual([200, ''])
  })

  it('delays a request before answering it', async () => {
    await addFault({ match: { path: '/upload/image' }, action: { kind: 'delay', ms: 1500 } })
    await expect(
      fetch(`${server.url}/upload/image`, { method: 'POST', signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/aborted/i)
    expect((await uploadImage()).status).toBe(200)
  })

  it('drops the connection in the middle of the body', async () => {
    await addFault({ match: { path: '/upload/image' }, action: { kind: 'drop-mid-body' } })
    await expect(uploadImage()).rejects.toThrow(/fetch failed/)
    expect((await uploadImage()).status).toBe(200)
  })

  it('matches on a header, leaving other requests alone', async () => {
    await addFault({
      match: { header: ['x-test-case', 'case-7'] },
      action: { kind: 'respond', status: 500 },
    })
    expect((await uploadImage({ 'x-test-case': 'case-6' })).status).toBe(200)
    expect((await uploadImage({ 'x-test-case': 'case-7' })).status).toBe(500)
  })

  it('applies to requests to the S3 store too', async () => {
    await addFault({
      match: { method: 'PUT' },
      action: {
        kind: 'respond',
        status: 500,
        contentType: 'application/xml',
        body: '<Error><Code>InternalError</Code></Error>',
      },
    })
    const response = await fetch(`${server.s3Url}/any-bucket/any-key`, { method: 'PUT', body: 'x' })
    expect(response.status).toBe(500)
    expect(await response.text()).toContain('InternalError')
  })

  it('refuses a fault without an action', async () => {
    expect((await addFault({ match: {} })).status).toBe(400)
  })
})

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestJson } from '../../src/strategies/kit/requestJson'

/** Two origins on loopback: the API, which redirects, and another that records what reaches it. */
let api: Server
let other: Server
let apiUrl = ''
let otherUrl = ''
const reached: IncomingHttpHeaders[] = []

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    }),
  )

beforeAll(async () => {
  other = createServer((request, response) => {
    reached.push(request.headers)
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"upload_url":"x"}')
  })
  otherUrl = await listen(other)
  api = createServer((request, response) => {
    if (request.url === '/same') return response.writeHead(200).end('{"ok":true}')
    response.writeHead(307, { location: `${otherUrl}/steal` }).end()
  })
  apiUrl = await listen(api)
})

afterAll(() => {
  api.close()
  other.close()
})

describe('requestJson and redirects', () => {
  it('follows no redirect with credentials: typed error, and the key never reaches the other origin', async () => {
    await expect(
      requestJson({
        url: `${apiUrl}/uploads`,
        headers: { 'x-api-key': 'secret-key-0002' },
        body: {},
      }),
    ).rejects.toMatchObject({ code: 'redirected' })
    expect(reached).toEqual([])
  })

  it('still answers a request without credentials', async () => {
    const answer = await requestJson({ url: `${apiUrl}/same`, method: 'GET' })
    expect(answer.json).toEqual({ ok: true })
  })
})

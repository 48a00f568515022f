import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { demoCredentials } from './demo.ts'
import { type Backend, type LoggedRequest, sendJson } from './http.ts'
import { partnerAssetsBackend } from './partnerAssets.ts'

/** Every reference backend behind one request handler, with a request log for tests. */
export function createReferenceBackends() {
  const requests: LoggedRequest[] = []
  const log = (entry: LoggedRequest) => {
    requests.push(entry)
  }
  const partnerAssets = partnerAssetsBackend({ token: demoCredentials.partnerToken, log })
  const backends: Backend[] = [partnerAssets.handle]

  /** Answers a request if a backend or the control API owns it; `false` otherwise. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (request.url?.startsWith('/__reference/requests')) {
      sendJson(response, 200, requests)
      return true
    }
    for (const backend of backends) {
      if (await backend(request, response)) return true
    }
    return false
  }

  return { handle, requests, partnerAssets }
}

/** A running reference server. */
export interface ReferenceServer {
  /** The server's origin, such as `http://127.0.0.1:40123`. */
  readonly url: string
  readonly backends: ReturnType<typeof createReferenceBackends>
  close(): Promise<void>
}

/**
 * Starts every reference backend on 127.0.0.1 (a free port unless one is given), answering
 * cross-origin requests from any page, as the browser tests need.
 */
export async function startReferenceServer(port = 0): Promise<ReferenceServer> {
  const backends = createReferenceBackends()
  const server = createServer((request, response) => {
    allowCors(request, response)
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }
    backends
      .handle(request, response)
      .then((handled) => {
        if (!handled) sendJson(response, 404, { message: 'No reference backend here' })
      })
      .catch((error: unknown) => {
        console.error(error)
        if (!response.headersSent) sendJson(response, 500, { message: 'Reference backend failed' })
        else response.destroy()
      })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: actualPort } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actualPort}`,
    backends,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function allowCors(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  if (!origin) return
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('vary', 'Origin')
  response.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
  response.setHeader(
    'access-control-allow-headers',
    request.headers['access-control-request-headers'] ?? 'authorization, content-type',
  )
  response.setHeader('access-control-expose-headers', 'ETag, Content-Type, Location')
  response.setHeader('access-control-max-age', '600')
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { appPresignBackend } from './appPresign.ts'
import { backofficeImagesBackend } from './backofficeImages.ts'
import { demoCredentials } from './demo.ts'
import { dinteroAssetsBackend } from './dinteroAssets.ts'
import { FaultRegistry, parseFault } from './faults.ts'
import { type Backend, type LoggedRequest, readBody, sendBytes, sendJson } from './http.ts'
import { indreamUploadsBackend } from './indreamUploads.ts'
import { partnerAssetsBackend } from './partnerAssets.ts'
import { projectAssetsBackend } from './projectAssets.ts'
import { type S3Store, startS3Store } from './s3.ts'

/**
 * Every reference backend behind one request handler, plus a control API for tests under
 * `/__reference/`: the request log, faults, and the S3 store's objects.
 */
export function createReferenceBackends(options: { s3: () => S3Store; faults: FaultRegistry }) {
  const { s3, faults } = options
  const requests: LoggedRequest[] = []
  const log = (entry: LoggedRequest) => {
    requests.push(entry)
  }
  const c = demoCredentials
  const dinteroAssets = dinteroAssetsBackend({ token: c.dinteroToken, s3, faults, log })
  const partnerAssets = partnerAssetsBackend({ token: c.partnerToken, log })
  const indreamUploads = indreamUploadsBackend({
    apiKey: c.indreamApiKey,
    ineligibleApiKey: c.indreamIneligibleApiKey,
    log,
  })
  const projectAssets = projectAssetsBackend({
    apiKey: c.projectApiKey,
    projectIds: [c.projectId],
    s3,
    log,
  })
  const backofficeImages = backofficeImagesBackend({
    apiKey: c.backofficeApiKey,
    readOnlyApiKey: c.backofficeReadOnlyApiKey,
    log,
  })
  const appPresign = appPresignBackend({ s3, log })
  const backends: Backend[] = [
    appPresign.handle,
    dinteroAssets.handle,
    partnerAssets.handle,
    indreamUploads.handle,
    projectAssets.handle,
    backofficeImages.handle,
  ]

  async function control(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    if (path === '/__reference/requests') return sendJson(response, 200, requests)
    // An app's own form handler, for the "In a form" story: it answers with what was posted.
    if (path === '/__reference/form' && request.method === 'POST') {
      const body = await readBody(request, 64 * 1024)
      const form = await new Request('http://form.invalid/', {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: new Uint8Array(body),
      }).formData()
      const fields: Record<string, string[]> = {}
      for (const [name, value] of form) fields[name] = [...(fields[name] ?? []), String(value)]
      return sendJson(response, 200, { posted: fields })
    }
    if (path === '/__reference/faults' && request.method === 'POST') {
      try {
        faults.add(parseFault(JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'))))
        return sendJson(response, 201, { ok: true })
      } catch (error) {
        return sendJson(response, 400, { message: (error as Error).message })
      }
    }
    if (path === '/__reference/faults' && request.method === 'GET') {
      return sendJson(response, 200, { taken: faults.taken })
    }
    if (path === '/__reference/faults' && request.method === 'DELETE') {
      faults.clear()
      return sendJson(response, 200, { ok: true })
    }
    const s3Key = /^\/__reference\/s3\/(.+)$/.exec(path)?.[1]
    if (s3Key) {
      const object = await s3().getObject(decodeURIComponent(s3Key))
      return object
        ? sendBytes(response, object.bytes, object.contentType)
        : sendJson(response, 404, {})
    }
    sendJson(response, 404, { message: 'No such control' })
  }

  /** Answers a request if a backend or the control API owns it; `false` otherwise. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/__reference/')) {
      // Read a body the control API does not use before answering: the connection closes after
      // the answer, and a client still sending would see it reset.
      if (path !== '/__reference/faults' && path !== '/__reference/form') {
        for await (const _ of request) void _
      }
      await control(request, response, path)
      return true
    }
    if (await faults.apply(request, response)) return true
    for (const backend of backends) {
      if (await backend(request, response)) return true
    }
    return false
  }

  return {
    handle,
    requests,
    dinteroAssets,
    partnerAssets,
    indreamUploads,
    projectAssets,
    backofficeImages,
  }
}

/** The running reference backends. */
export interface ReferenceServer {
  /** The API servers' origin, such as `http://127.0.0.1:40123`. */
  readonly url: string
  /** The S3 store's origin (another port, so another origin, as in production). */
  readonly s3Url: string
  readonly s3: S3Store
  readonly faults: FaultRegistry
  readonly backends: ReturnType<typeof createReferenceBackends>
  close(): Promise<void>
}

/**
 * Starts every reference backend and the S3 store on 127.0.0.1 (free ports unless given),
 * answering cross-origin requests from any page, as the browser tests need.
 */
export async function startReferenceServer(
  ports: { api?: number; s3?: number } = {},
): Promise<ReferenceServer> {
  const faults = new FaultRegistry()
  const s3 = await startS3Store({ faults, ...(ports.s3 !== undefined && { port: ports.s3 }) })
  const backends = createReferenceBackends({ s3: () => s3, faults })
  const server = createServer((request, response) => {
    // One connection per request: Chrome silently sends a request again when a reused
    // connection drops before the answer, which would hide the dropped-connection faults.
    response.setHeader('connection', 'close')
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
  await new Promise<void>((resolve) => server.listen(ports.api ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    s3Url: s3.url,
    s3,
    faults,
    backends,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
      await s3.close()
    },
  }
}

function allowCors(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  if (!origin) return
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('vary', 'Origin')
  response.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
  response.setHeader(
    'access-control-allow-headers',
    request.headers['access-control-request-headers'] ?? 'authorization, content-type',
  )
  response.setHeader('access-control-expose-headers', 'ETag, Content-Type, Location, Retry-After')
  response.setHeader('access-control-max-age', '600')
}

import type { IncomingMessage, ServerResponse } from 'node:http'

/** A reference backend: answers the requests it owns and returns `false` for the rest. */
export type Backend = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>

/** One request a backend answered, kept so tests can count and inspect them. */
export interface LoggedRequest {
  readonly backend: string
  readonly method: string
  readonly path: string
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** A label for the request, such as the file name it carried. */
  readonly label?: string | undefined
}

/** A failure a backend answers with: its status and its own error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

/** Reads the whole request body, calling `tooLarge` once more than `limit` bytes arrive. */
export async function readBody(
  request: IncomingMessage,
  limit: number,
  tooLarge: () => HttpError = () =>
    new HttpError(413, { message: `Request body exceeds ${limit} bytes` }),
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw tooLarge()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a `multipart/form-data` body with the platform's own parser; `undefined` if it is not one. */
export async function parseForm(contentType: string, body: Buffer): Promise<FormData | undefined> {
  if (!contentType.startsWith('multipart/form-data')) return undefined
  try {
    return await new Request('http://reference.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body) as Uint8Array<ArrayBuffer>,
    }).formData()
  } catch {
    return undefined
  }
}

/** Parses a `multipart/form-data` body, answering 415 or 400 when it is not one. */
export async function readForm(request: IncomingMessage, limit: number): Promise<FormData> {
  const body = await readBody(request, limit)
  const contentType = request.headers['content-type'] ?? ''
  if (!contentType.startsWith('multipart/form-data')) {
    throw new HttpError(415, { message: `Content type '${contentType}' not supported` })
  }
  const form = await parseForm(contentType, body)
  if (!form) throw new HttpError(400, { message: 'Failed to parse multipart request' })
  return form
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** Serves stored bytes with their type. */
export function sendBytes(
  response: ServerResponse,
  bytes: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, {
    'content-type': contentType || 'application/octet-stream',
    'content-length': bytes.length,
    ...headers,
  })
  response.end(bytes)
}

/** The origin the client used to reach this server, for absolute URLs in answers. */
export function originOf(request: IncomingMessage): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`
}

/** The value of a header sent once, or `undefined`. */
export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** Runs a backend's route, logging it and answering an {@link HttpError} with its body. */
export async function answer(
  backend: string,
  request: IncomingMessage,
  response: ServerResponse,
  log: ((entry: LoggedRequest) => void) | undefined,
  route: (context: { setLabel(label: string | undefined): void }) => Promise<number>,
): Promise<true> {
  let label: string | undefined
  let status = 500
  try {
    status = await route({ setLabel: (value) => (label = value) })
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    status = error.status
    sendJson(response, error.status, error.body)
  } finally {
    log?.({
      backend,
      method: request.method ?? '',
      path: (request.url ?? '').split('?')[0] ?? '',
      status,
      headers: request.headers,
      label,
    })
  }
  return true
}

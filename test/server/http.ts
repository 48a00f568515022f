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

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

/** Reads the whole request body, refusing more than `limit` bytes with a 413. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new HttpError(413, { message: `Request body exceeds ${limit} bytes` })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a `multipart/form-data` body with the platform's own parser. */
export async function readForm(request: IncomingMessage, limit: number): Promise<FormData> {
  const body = await readBody(request, limit)
  const contentType = request.headers['content-type'] ?? ''
  if (!contentType.startsWith('multipart/form-data')) {
    throw new HttpError(415, { message: `Content type '${contentType}' not supported` })
  }
  try {
    return await new Request('http://reference.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body) as Uint8Array<ArrayBuffer>,
    }).formData()
  } catch {
    throw new HttpError(400, { message: 'Failed to parse multipart request' })
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** The origin the client used to reach this server, for absolute URLs in answers. */
export function originOf(request: IncomingMessage): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`
}

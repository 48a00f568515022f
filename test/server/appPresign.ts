import { randomUUID } from 'node:crypto'
import type { S3SignRequest } from '../../src/strategies/s3Multipart'
import { answer, type Backend, HttpError, type LoggedRequest, readBody, sendJson } from './http.ts'
import type { S3Store } from './s3.ts'

/**
 * An app's own presign endpoint, as the project-assets flow (document 003) expects one:
 * `POST /app/presign` with `{filename, content_type, size}` answers `{upload_url, key,
 * expires_in}`, a presigned PUT to the app's bucket. Not part of any document: it stands for the
 * app's backend in tests and demos.
 */
export function appPresignBackend(options: {
  s3: () => S3Store
  log?: (entry: LoggedRequest) => void
}) {
  const handle: Backend = async (request, response) => {
    const path = (request.url ?? '').split('?')[0]
    if (path === '/app/s3/sign') return sign(request, response)
    if (path !== '/app/presign') return false
    return answer('app-presign', request, response, options.log, async ({ setLabel }) => {
      if (request.method !== 'POST') throw new HttpError(405, { message: 'Use POST' })
      let body: { filename?: unknown; content_type?: unknown; size?: unknown }
      try {
        body = JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'))
      } catch {
        throw new HttpError(400, { message: 'The body must be JSON' })
      }
      const { filename, content_type: contentType, size } = body
      if (
        typeof filename !== 'string' ||
        typeof contentType !== 'string' ||
        typeof size !== 'number'
      ) {
        throw new HttpError(400, { message: 'filename, content_type and size are required' })
      }
      setLabel(filename)
      const key = `projects/uploads/${randomUUID()}-${filename.replace(/[^\w.-]+/g, '_')}`
      const expiresIn = 900
      const uploadUrl = await options
        .s3()
        .presignPut({ key, contentType, contentLength: size, expiresIn })
      sendJson(response, 200, { upload_url: uploadUrl, key, expires_in: expiresIn })
      return 200
    })
  }
  /**
   * `POST /app/s3/sign` signs one S3 request of `@uppy/aws-s3`'s `signRequest` (a PUT, a
   * multipart upload's create, part, list, complete or abort) for keys under `projects/`.
   */
  async function sign(request: Parameters<Backend>[0], response: Parameters<Backend>[1]) {
    return answer('app-sign', request, response, options.log, async ({ setLabel }) => {
      let body: S3SignRequest
      try {
        body = JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'))
      } catch {
        throw new HttpError(400, { message: 'The body must be JSON' })
      }
      if (typeof body.key !== 'string' || !body.key.startsWith('projects/')) {
        throw new HttpError(403, { message: 'Only keys under projects/ may be signed' })
      }
      setLabel(`${body.method} ${body.partNumber ?? ''}`.trim())
      const url = await options.s3().signRequest(body)
      sendJson(response, 200, { url })
      return 200
    })
  }

  return { handle }
}

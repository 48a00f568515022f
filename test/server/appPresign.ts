import { randomUUID } from 'node:crypto'
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
    if ((request.url ?? '').split('?')[0] !== '/app/presign') return false
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
  return { handle }
}

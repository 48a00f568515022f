import { randomUUID } from 'node:crypto'
import {
  answer,
  type Backend,
  HttpError,
  header,
  type LoggedRequest,
  readForm,
  sendBytes,
  sendJson,
} from './http.ts'
import { imageInfo } from './imageInfo.ts'

/** An image stored by the uploader API, with its bytes. */
export interface StoredBackofficeImage {
  readonly key: string
  readonly bytes: Buffer
  readonly contentType: string
  readonly filename: string
}

export interface BackofficeImagesOptions {
  /** The API key that may upload. */
  readonly apiKey: string
  /** A valid key without the uploader role (answered 403). */
  readonly readOnlyApiKey: string
  readonly log?: (entry: LoggedRequest) => void
}

/** The largest image accepted: "15Mb", read as 15 MiB. */
export const backofficeMaxBytes = 15 * 1024 * 1024

/** The formats accepted, by the type read from the bytes, with their file extensions. */
const formats: Record<string, { extensions: readonly string[]; contentType: string }> = {
  jpg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
  png: { extensions: ['png'], contentType: 'image/png' },
  gif: { extensions: ['gif'], contentType: 'image/gif' },
  webp: { extensions: ['webp'], contentType: 'image/webp' },
}

/**
 * The uploader API of document 004: `POST /upload/image` with the multipart field `image`, the key
 * in the `x-api-key` header or query parameter; jpg, jpeg, gif, png and webp only, checked by
 * content and by name; at most 15 MB. Answers `{data: {key: "uploads/<uuid>.<ext>"}}`, and 400,
 * 401 (`Unauthorized API KEY`) or 403 (`Unauthorized roles`) as `{message}`.
 */
export function backofficeImagesBackend(options: BackofficeImagesOptions) {
  const images = new Map<string, StoredBackofficeImage>()

  const handle: Backend = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://reference.invalid')
    const stored = /^\/uploads\/([^/]+)$/.exec(url.pathname)
    if (url.pathname !== '/upload/image' && !stored) return false
    return answer('backoffice-images', request, response, options.log, async ({ setLabel }) => {
      if (stored) {
        const image = images.get(`uploads/${stored[1]}`)
        if (!image) throw new HttpError(404, { message: 'Not found' })
        sendBytes(response, image.bytes, image.contentType)
        return 200
      }
      if (request.method !== 'POST') throw new HttpError(405, { message: 'Method not allowed' })
      const apiKey = header(request, 'x-api-key') ?? url.searchParams.get('x-api-key')
      const form = await readForm(request, backofficeMaxBytes + 64 * 1024).catch(
        (error: unknown) => {
          if (error instanceof HttpError && error.status === 413) {
            throw new HttpError(400, { message: 'Max supported file size: 15Mb' })
          }
          throw error instanceof HttpError ? new HttpError(400, error.body) : error
        },
      )
      const image = form.get('image')
      setLabel(image instanceof File ? image.name : undefined)
      if (apiKey === options.readOnlyApiKey)
        throw new HttpError(403, { message: 'Unauthorized roles' })
      if (apiKey !== options.apiKey) throw new HttpError(401, { message: 'Unauthorized API KEY' })
      if (!(image instanceof File))
        throw new HttpError(400, { message: "Missing file field 'image'" })
      if (image.size > backofficeMaxBytes)
        throw new HttpError(400, { message: 'Max supported file size: 15Mb' })
      const bytes = Buffer.from(await image.arrayBuffer())
      const detected = imageInfo(bytes)
      const format = detected ? formats[detected.type] : undefined
      const extension = /\.([a-z0-9]+)$/i.exec(image.name)?.[1]?.toLowerCase()
      if (!format || (extension !== undefined && !format.extensions.includes(extension))) {
        throw new HttpError(400, {
          message: 'Accepted image file formats: "jpg", "jpeg", "gif", "png", "webp"',
        })
      }
      const key = `uploads/${randomUUID()}.${extension ?? format.extensions[0]}`
      images.set(key, { key, bytes, contentType: format.contentType, filename: image.name })
      sendJson(response, 200, { data: { key } })
      return 200
    })
  }

  return { handle, images }
}

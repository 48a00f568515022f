import { randomUUID } from 'node:crypto'
import {
  answer,
  type Backend,
  HttpError,
  header,
  type LoggedRequest,
  originOf,
  readBody,
  sendBytes,
  sendJson,
} from './http.ts'
import { imageInfo } from './imageInfo.ts'

/** A file stored by the uploads API, with its bytes. */
export interface StoredIndreamUpload {
  readonly data: IndreamAsset
  readonly bytes: Buffer
  readonly projectId: string | undefined
}

/** The `data` of document 002's answer. */
export interface IndreamAsset {
  assetId: string
  type: 'image' | 'video' | 'audio' | 'file'
  source: 'upload'
  filename: string
  mimetype: string
  size: number
  fileUrl: string
  fileKey: string
  width: number | null
  height: number | null
  duration: number | null
}

export interface IndreamUploadsOptions {
  /** The API key the API accepts. */
  readonly apiKey: string
  /** A valid key whose account may not use this route (answered 403). */
  readonly ineligibleApiKey: string
  /**
   * The largest body accepted, in bytes.
   * @default 100 MB
   */
  readonly maxBytes?: number
  readonly log?: (entry: LoggedRequest) => void
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The uploads API of document 002: `POST /v1/uploads` with the file as the whole body, its type in
 * `Content-Type`, its name in `x-file-name` (1..512 characters; percent-encoded when not ASCII),
 * an optional `x-project-id` (uuid) and the key in `x-api-key`. Answers `{data, meta}` with real
 * image dimensions; errors are problem objects `{type, title, status, detail, errorCode}`.
 */
export function indreamUploadsBackend(options: IndreamUploadsOptions) {
  const uploads = new Map<string, StoredIndreamUpload>()
  const maxBytes = options.maxBytes ?? 100_000_000

  const handle: Backend = async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const file = /^\/v1\/files\/(.+)$/.exec(path)
    if (path !== '/v1/uploads' && !file) return false
    return answer('indream-uploads', request, response, options.log, async ({ setLabel }) => {
      if (file) {
        const stored = uploads.get(decodeURIComponent(file[1] ?? ''))
        if (!stored) throw problem(404, 'NOT_FOUND', 'Not Found', 'No such file', 'FILE_NOT_FOUND')
        sendBytes(response, stored.bytes, stored.data.mimetype)
        return 200
      }
      if (request.method !== 'POST')
        throw problem(
          405,
          'METHOD_NOT_ALLOWED',
          'Method Not Allowed',
          'Use POST',
          'METHOD_NOT_ALLOWED',
        )
      const rawName = header(request, 'x-file-name')
      const filename = rawName === undefined ? undefined : decodeName(rawName)
      setLabel(filename)
      const apiKey = header(request, 'x-api-key')
      if (apiKey === options.ineligibleApiKey) {
        throw problem(
          403,
          'FORBIDDEN',
          'Forbidden',
          'The current account is not eligible for this Open API route',
          'OPEN_API_RUNTIME_ACCESS_FORBIDDEN',
        )
      }
      if (apiKey !== options.apiKey) {
        throw problem(
          401,
          'UNAUTHORIZED',
          'Unauthorized',
          'A valid API key is required',
          'OPEN_API_KEY_INVALID',
        )
      }
      if (filename === undefined || filename.length < 1 || filename.length > 512) {
        throw problem(
          400,
          'BAD_REQUEST',
          'Bad Request',
          'x-file-name must be 1 to 512 characters long',
          'INVALID_FILE_NAME',
        )
      }
      const projectId = header(request, 'x-project-id')
      if (projectId !== undefined && !uuid.test(projectId)) {
        throw problem(
          400,
          'BAD_REQUEST',
          'Bad Request',
          'x-project-id must be a uuid',
          'INVALID_PROJECT_ID',
        )
      }
      const declaredLength = Number(header(request, 'content-length'))
      if (declaredLength > maxBytes) {
        throw problem(
          413,
          'PAYLOAD_TOO_LARGE',
          'Payload Too Large',
          `The file must not exceed ${maxBytes} bytes`,
          'FILE_TOO_LARGE',
        )
      }
      const bytes = await readBody(request, maxBytes, () =>
        problem(
          413,
          'PAYLOAD_TOO_LARGE',
          'Payload Too Large',
          `The file must not exceed ${maxBytes} bytes`,
          'FILE_TOO_LARGE',
        ),
      )
      if (bytes.length === 0) {
        throw problem(400, 'BAD_REQUEST', 'Bad Request', 'The request body is empty', 'EMPTY_FILE')
      }
      const mimetype =
        (header(request, 'content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? ''
      const assetId = randomUUID()
      const extension = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase()
      const fileKey = `uploads/${assetId}${extension ? `.${extension}` : ''}`
      const image = mimetype.startsWith('image/') ? imageInfo(bytes) : undefined
      const data: IndreamAsset = {
        assetId,
        type: kindOf(mimetype),
        source: 'upload',
        filename,
        mimetype,
        size: bytes.length,
        fileUrl: `${originOf(request)}/v1/files/${fileKey}`,
        fileKey,
        width: image?.width ?? null,
        height: image?.height ?? null,
        duration: null,
      }
      uploads.set(fileKey, { data, bytes, projectId })
      sendJson(response, 200, { data, meta: projectId ? { projectId } : {} })
      return 200
    })
  }

  return { handle, uploads }
}

function decodeName(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function kindOf(mimetype: string): IndreamAsset['type'] {
  if (mimetype.startsWith('image/')) return 'image'
  if (mimetype.startsWith('video/')) return 'video'
  if (mimetype.startsWith('audio/')) return 'audio'
  return 'file'
}

function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  errorCode: string,
): HttpError {
  return new HttpError(status, { type, title, status, detail, errorCode })
}

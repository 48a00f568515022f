import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FaultRegistry } from './faults.ts'
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
import type { S3Store } from './s3.ts'

/** The MIME types document 000 accepts, with the extension its keys get. */
export const dinteroMimeTypes = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
} as const

/** An upload URL the API issued, kept for tests. */
export interface IssuedDinteroAsset {
  readonly accountId: string
  readonly key: string
  readonly sizeBytes: number
  readonly mimeType: string
  readonly access: 'public' | 'private'
  readonly publicUrl: string
  readonly uploadExpiresIn: number
}

export interface DinteroAssetsOptions {
  /** The bearer token the API accepts. */
  readonly token: string
  readonly s3: () => S3Store
  readonly faults: FaultRegistry
  readonly log?: (entry: LoggedRequest) => void
  /**
   * Seconds an upload URL stays valid.
   * @default 3600
   */
  readonly uploadExpiresIn?: number
}

const route = /^\/v1\/accounts\/([^/]+)\/management\/assets\/?$/
const publicRoute = /^\/cdn\/dintero\/(.+)$/

/**
 * The account assets API of document 000: `POST /v1/accounts/{aid}/management/assets` checks the
 * bearer token, `aid`, `size_bytes`, `mime_type` and `access`, and answers
 * `{public_url, upload_url, upload_expires_in}` with a SigV4 presigned PUT on the S3 store.
 * `public_url` serves public assets once uploaded. Errors are `{error: {code, message}}`.
 */
export function dinteroAssetsBackend(options: DinteroAssetsOptions) {
  const issued: IssuedDinteroAsset[] = []

  const handle: Backend = async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const assets = route.exec(path)
    const cdn = publicRoute.exec(path)
    if (!assets && !cdn) return false
    return answer('dintero-assets', request, response, options.log, async () => {
      if (cdn) return servePublic(decodeURIComponent(cdn[1] ?? ''), response)
      if (request.method !== 'POST') throw problem(405, 'method_not_allowed', 'Use POST')
      if (header(request, 'authorization') !== `Bearer ${options.token}`) {
        throw problem(401, 'unauthorized', 'Missing or invalid bearer token')
      }
      const accountId = decodeURIComponent(assets?.[1] ?? '')
      if (!/^[PT]\d{8}$/.test(accountId)) {
        throw problem(400, 'validation_error', `aid '${accountId}' does not match ^[PT]{1}\\d{8}$`)
      }
      const body = await readJson(request)
      const sizeBytes = body.size_bytes
      if (
        typeof sizeBytes !== 'number' ||
        !Number.isInteger(sizeBytes) ||
        sizeBytes < 1 ||
        sizeBytes > 2_000_000
      ) {
        throw problem(400, 'validation_error', 'size_bytes must be an integer from 1 to 2000000')
      }
      const mimeType = body.mime_type
      if (typeof mimeType !== 'string' || !(mimeType in dinteroMimeTypes)) {
        throw problem(
          400,
          'validation_error',
          `mime_type must be one of: ${Object.keys(dinteroMimeTypes).join(', ')}`,
        )
      }
      const access = body.access ?? 'public'
      if (access !== 'public' && access !== 'private') {
        throw problem(400, 'validation_error', 'access must be one of: private, public')
      }
      const expiry = options.faults.take(request, ['expire-upload-urls'])
      const uploadExpiresIn =
        expiry?.kind === 'expire-upload-urls' ? expiry.seconds : (options.uploadExpiresIn ?? 3600)
      const extension = dinteroMimeTypes[mimeType as keyof typeof dinteroMimeTypes]
      const key = `dintero/${accountId}/${access}/${randomUUID()}.${extension}`
      const uploadUrl = await options.s3().presignPut({
        key,
        contentType: mimeType,
        contentLength: sizeBytes,
        expiresIn: uploadExpiresIn,
      })
      const publicUrl = `${originOf(request)}/cdn/dintero/${key}`
      issued.push({ accountId, key, sizeBytes, mimeType, access, publicUrl, uploadExpiresIn })
      sendJson(response, 200, {
        public_url: publicUrl,
        upload_url: uploadUrl,
        upload_expires_in: uploadExpiresIn,
      })
      return 200
    })
  }

  async function servePublic(key: string, response: Parameters<Backend>[1]): Promise<number> {
    const asset = issued.find((candidate) => candidate.key === key)
    if (asset?.access !== 'public') throw problem(404, 'not_found', 'No such asset')
    const object = await options.s3().getObject(key)
    if (!object) throw problem(404, 'not_found', 'The asset has not been uploaded yet')
    sendBytes(response, object.bytes, object.contentType, {
      'cache-control': 'public, max-age=31536000',
    })
    return 200
  }

  return { handle, issued }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(header(request, 'content-type') ?? '').startsWith('application/json')) {
    throw problem(415, 'unsupported_media_type', 'Content-Type must be application/json')
  }
  const text = (await readBody(request, 64 * 1024)).toString('utf8')
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>
    }
  } catch {}
  throw problem(400, 'validation_error', 'The body must be a JSON object')
}

function problem(status: number, code: string, message: string): HttpError {
  return new HttpError(status, { error: { code, message } })
}

import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import {
  answer,
  type Backend,
  HttpError,
  type LoggedRequest,
  originOf,
  readForm,
  sendBytes,
  sendJson,
} from './http.ts'

/** A stored asset of the partner assets API, with its bytes. */
export interface StoredPartnerAsset {
  readonly asset: CompanyAsset
  readonly bytes: Buffer
  readonly contentType: string
}

/** The `CompanyAsset` of document 001, every documented field. */
export interface CompanyAsset {
  id: string
  companyId: string
  created: number
  modified: number
  deleted: boolean
  updated: boolean
  name: string
  key: string
  type: 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' | 'OTHER'
  publicURL: string | null
  active: boolean
  priority: number
  secured: boolean
  thumbURL: string | null
  mediumURL: string | null
  largeURL: string | null
  largeX2URL: string | null
  origURL: string
  platformFileUrl: string
}

export interface PartnerAssetsOptions {
  /** The bearer token the API accepts. */
  readonly token: string
  /** The largest upload accepted, in bytes. */
  readonly maxBytes?: number
  /** Where answered requests are logged. */
  readonly log?: (entry: LoggedRequest) => void
}

const base = '/api/v1/partner/asset'
const companyId = 'company-0001'
const previewSizes = ['thumb', 'medium', 'large', 'largeX2'] as const

/**
 * The partner assets API of document 001: multipart uploads to `/upload/private` and
 * `/upload/public` answering a `CompanyAsset`, and `GET /{assetKey}` streaming the bytes back.
 * Errors are Spring-style JSON bodies.
 */
export function partnerAssetsBackend(options: PartnerAssetsOptions) {
  const assets = new Map<string, StoredPartnerAsset>()
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024

  const handle: Backend = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://reference.invalid')
    if (!url.pathname.startsWith(`${base}/`)) return false
    const path = url.pathname.slice(base.length)
    return answer('partner-assets', request, response, options.log, async ({ setLabel }) => {
      if (request.method === 'POST' && (path === '/upload/private' || path === '/upload/public')) {
        const authorized = isAuthorized(request)
        // The body is read even when the token is wrong, so the log can name the file refused.
        const form = await readForm(request, maxBytes).catch((error: unknown) => {
          if (!authorized) return new FormData()
          if (error instanceof HttpError) {
            throw new HttpError(
              error.status,
              springError(error.status, messageOf(error.body), url.pathname),
            )
          }
          throw error
        })
        const file = form.get('file')
        const nameField = form.get('name')
        setLabel(
          typeof nameField === 'string' ? nameField : file instanceof File ? file.name : undefined,
        )
        authorize(request)
        if (!(file instanceof File)) {
          throw new HttpError(
            400,
            springError(400, "Required part 'file' is not present.", url.pathname),
          )
        }
        if (file.size === 0) {
          throw new HttpError(422, springError(422, 'File is empty', url.pathname))
        }
        const name = typeof nameField === 'string' && nameField !== '' ? nameField : file.name
        // The document's prose mentions an `assetType` beside `name`; its table does not. Optional.
        const assetTypeField = form.get('assetType')
        if (typeof assetTypeField === 'string' && !isAssetType(assetTypeField)) {
          throw new HttpError(
            400,
            springError(400, `Invalid assetType '${assetTypeField}'`, url.pathname),
          )
        }
        const stored = store(
          originOf(request),
          name,
          file.type,
          Buffer.from(await file.arrayBuffer()),
          path === '/upload/public',
          typeof assetTypeField === 'string' ? assetTypeField : undefined,
        )
        sendJson(response, 200, stored.asset)
        return 200
      }
      if (request.method === 'GET' && path.length > 1 && !path.slice(1).includes('/')) {
        const stored = assets.get(decodeURIComponent(path.slice(1)))
        if (stored?.asset.secured) authorize(request)
        if (!stored) {
          if (url.searchParams.get('handleError') === 'true') {
            response.writeHead(204).end()
            return 204
          }
          throw new HttpError(404, springError(404, 'Asset not found', url.pathname))
        }
        sendBytes(response, stored.bytes, stored.contentType, {
          'cache-control': `${stored.asset.secured ? 'private' : 'public'}, max-age=2592000`,
        })
        return 200
      }
      throw new HttpError(404, springError(404, 'No endpoint', url.pathname))
    })
  }

  function isAuthorized(request: IncomingMessage): boolean {
    return request.headers.authorization === `Bearer ${options.token}`
  }

  function authorize(request: IncomingMessage): void {
    if (!isAuthorized(request)) {
      throw new HttpError(
        401,
        springError(
          401,
          'Full authentication is required to access this resource',
          request.url ?? '',
        ),
      )
    }
  }

  function store(
    origin: string,
    name: string,
    contentType: string,
    bytes: Buffer,
    isPublic: boolean,
    requestedType?: string,
  ) {
    const id = randomUUID()
    const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase()
    const key = extension ? `${id}.${extension}` : id
    const fileUrl = `${origin}${base}/${encodeURIComponent(key)}`
    const type = isAssetType(requestedType) ? requestedType : assetType(contentType)
    const previews = Object.fromEntries(
      previewSizes.map((size) => [size, type === 'IMAGE' ? `${fileUrl}?size=${size}` : null]),
    ) as Record<(typeof previewSizes)[number], string | null>
    const now = Date.now()
    const asset: CompanyAsset = {
      id,
      companyId,
      created: now,
      modified: now,
      deleted: false,
      updated: false,
      name,
      key,
      type,
      publicURL: isPublic ? fileUrl : null,
      active: true,
      priority: 0,
      secured: !isPublic,
      thumbURL: previews.thumb,
      mediumURL: previews.medium,
      largeURL: previews.large,
      largeX2URL: previews.largeX2,
      origURL: fileUrl,
      platformFileUrl: fileUrl,
    }
    const stored = { asset, bytes, contentType }
    assets.set(key, stored)
    return stored
  }

  return { handle, assets }
}

const assetTypes = ['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'OTHER'] as const

function isAssetType(value: unknown): value is CompanyAsset['type'] {
  return assetTypes.includes(value as CompanyAsset['type'])
}

function assetType(contentType: string): CompanyAsset['type'] {
  if (contentType.startsWith('image/')) return 'IMAGE'
  if (contentType.startsWith('video/')) return 'VIDEO'
  if (contentType.startsWith('audio/')) return 'AUDIO'
  if (/^(application|text)\//.test(contentType)) return 'DOCUMENT'
  return 'OTHER'
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
}

function springError(status: number, message: string, path: string) {
  return {
    timestamp: new Date().toISOString(),
    status,
    error: reasons[status] ?? 'Error',
    message,
    path: path.split('?')[0],
  }
}

function messageOf(body: unknown): string {
  return typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
    ? body.message
    : 'Request failed'
}

export type PartnerAssetsBackend = ReturnType<typeof partnerAssetsBackend>

import { type AssetAccess, type AssetRecord, type FileInfo, toAssetRecord } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import { AssetDropError } from '../core/errors'
import { isRecord, type ServerResponse } from '../core/http'
import type { HeadersOption, UploadStrategy } from '../core/strategy'
import { endpointRequest, installXhrTransport } from './kit/xhrTransport'

/** Options of {@link multipartForm}. */
export interface MultipartFormOptions {
  /** The URL each file is posted to, or a function choosing it per file (e.g. public or private). */
  readonly endpoint: string | ((file: FileInfo) => string | Promise<string>)
  /**
   * The form field holding the file.
   * @default 'file'
   */
  readonly fieldName?: string
  /**
   * The form field holding the file's name; `false` sends none.
   * @default 'name'
   */
  readonly nameField?: string | false
  /** Other form fields, by name: a fixed value, or a function of the file. */
  readonly fields?: Readonly<Record<string, string | ((file: FileInfo) => string)>>
  /** Request headers, or a (possibly async) function asked before every request, e.g. for a token. */
  readonly headers?: HeadersOption
  /**
   * Gets new credentials after the server refused them (401), such as renewing a token that
   * `headers` then returns. Called once for all the files refused together; each is then sent
   * once more.
   */
  readonly refreshCredentials?: () => void | Promise<void>
  /** Limits the backend enforces, checked in the browser before upload. */
  readonly constraints?: FileConstraints
  /**
   * How many files upload at once.
   * @default 6
   */
  readonly concurrency?: number
  /** Maps a successful answer to an asset record; the default reads `CompanyAsset`-style answers. */
  readonly toAsset?: (response: ServerResponse, file: FileInfo) => AssetRecord
}

/**
 * The multipart-form backend style: each file is posted as `multipart/form-data` with its name,
 * and the server answers with the created asset.
 */
export function multipartForm(options: MultipartFormOptions): UploadStrategy {
  const { nameField = 'name' } = options
  if (!options.endpoint) {
    throw new TypeError('multipartForm needs an `endpoint`: a URL or a function returning one')
  }
  return {
    name: 'multipart-form',
    constraints: options.constraints ?? {},
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
    install: (uppy) => ({
      ...installXhrTransport(uppy, {
        request: endpointRequest({
          endpoint: options.endpoint,
          headers: options.headers,
          fields: {
            ...(nameField !== false && { [nameField]: (file: FileInfo) => file.name }),
            ...options.fields,
          },
        }),
        method: 'POST',
        formData: true,
        fieldName: options.fieldName ?? 'file',
        concurrency: options.concurrency,
      }),
      toAsset: options.toAsset ?? companyAssetRecord,
    }),
  }
}

/**
 * The asset record for a `CompanyAsset`-style answer (document 001): `publicURL` or `origURL` as
 * the URL, the sized URLs as previews, `secured` as access and `created` (epoch ms) as the
 * creation time. Plain `{ id, url }` answers work too.
 */
export function companyAssetRecord(response: ServerResponse, file: FileInfo): AssetRecord {
  const body = response.json
  if (!isRecord(body)) {
    throw new AssetDropError('bad-response', { status: response.status })
  }
  const access: AssetAccess | undefined =
    typeof body.secured === 'boolean' ? (body.secured ? 'private' : 'public') : undefined
  try {
    return toAssetRecord(
      {
        id: body.id,
        key: body.key,
        name: body.name,
        mimeType: body.mimeType ?? body.contentType,
        size: body.size,
        url: body.publicURL ?? body.origURL ?? body.platformFileUrl ?? body.url,
        previews: {
          thumb: body.thumbURL,
          medium: body.mediumURL,
          large: body.largeURL,
          largeX2: body.largeX2URL,
        },
        width: body.width,
        height: body.height,
        access,
        createdAt: body.created,
      },
      { strategy: 'multipart-form', file, response: body, baseUrl: response.url },
    )
  } catch (cause) {
    throw new AssetDropError('bad-response', { status: response.status, cause })
  }
}

import type { AssetRecord, FileInfo } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import type { ServerResponse } from '../core/http'
import type { HeadersOption, UploadStrategy } from '../core/strategy'
import { commonAssetRecord } from './kit/commonRecord'
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
  /**
   * The form field to send each file's path inside a dropped or chosen folder in
   * (`photos/2026/a.png`); files that came in no folder send none. Not sent by default.
   */
  readonly relativePathField?: string
  /** Other form fields, by name: a fixed value, or a function of the file (`undefined` sends none). */
  readonly fields?: Readonly<Record<string, string | ((file: FileInfo) => string | undefined)>>
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
  /** Maps a successful answer to an asset record; the default reads the common answer shapes (see `readAssetRecord`). */
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
            ...(options.relativePathField && {
              [options.relativePathField]: (file: FileInfo) => file.relativePath,
            }),
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
 * The default record of a multipart upload: document 001's `CompanyAsset` (`publicURL` or
 * `origURL`, the sized URLs as previews, `secured` as access, `created` in epoch ms) and every
 * other common answer shape `readAssetRecord` reads.
 */
export const companyAssetRecord = commonAssetRecord('multipart-form')

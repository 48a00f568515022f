import { safeUrl } from '../core/asset'
import type { UploadStrategy } from '../core/strategy'
import { imageOnly, webImageTypes } from '../strategies/imageOnly'
import { commonAssetRecord } from '../strategies/kit/commonRecord'
import { type Credential, credentialValue, refreshOf, trimBase } from './credentials'

/** Options of {@link backofficeImages}. */
export interface BackofficeImagesOptions {
  /** The API key, or a function returning it. */
  readonly apiKey: Credential
  /**
   * Where the key goes. The query parameter lands in server and proxy logs: use it only when the
   * header cannot be sent.
   * @default 'header'
   */
  readonly keyIn?: 'header' | 'query'
  /**
   * The API's origin; empty for the page's own.
   * @default ''
   */
  readonly apiBase?: string
  /** The public URL of a stored image from its key (`uploads/<uuid>.<ext>`), when there is one. */
  readonly imageUrl?: (key: string) => string
}

/** Document 004's limits: JPEG, PNG, GIF and WebP, checked by content, up to 15 MB (read as MiB). */
export const backofficeLimits = {
  allowedTypes: webImageTypes,
  maxFileSize: 15 * 1024 * 1024,
  minFileSize: 1,
} as const

/** Upload Asset Image (document 004): `POST /upload/image` with the multipart field `image`. */
export function backofficeImages(options: BackofficeImagesOptions): UploadStrategy {
  const base = `${trimBase(options.apiBase ?? '')}/upload/image`
  const keyInQuery = options.keyIn === 'query'
  const toRecord = commonAssetRecord('image-only')
  return imageOnly({
    endpoint: keyInQuery
      ? async () => `${base}?x-api-key=${encodeURIComponent(await credentialValue(options.apiKey))}`
      : base,
    ...(!keyInQuery && {
      headers: async () => ({ 'x-api-key': await credentialValue(options.apiKey) }),
    }),
    constraints: backofficeLimits,
    ...refreshOf(options.apiKey),
    toAsset: (response, file) => {
      const record = toRecord(response, file)
      const url = record.key && options.imageUrl ? safeUrl(options.imageUrl(record.key)) : undefined
      return url ? { ...record, url } : record
    },
  })
}

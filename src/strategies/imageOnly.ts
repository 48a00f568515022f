import type { AssetRecord, FileInfo } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import type { ServerResponse } from '../core/http'
import type { HeadersOption, UploadStrategy } from '../core/strategy'
import { commonAssetRecord } from './kit/commonRecord'
import { endpointRequest, installXhrTransport } from './kit/xhrTransport'

/** The raster formats every browser shows, by MIME type and extension. */
export const webImageTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
] as const

/** Options of {@link imageOnly}. */
export interface ImageOnlyOptions {
  /** The URL each image is posted to, or a function choosing it per file. */
  readonly endpoint: string | ((file: FileInfo) => string | Promise<string>)
  /**
   * The form field holding the image.
   * @default 'image'
   */
  readonly fieldName?: string
  /** Request headers (such as an API key), or a (possibly async) function asked before every request. */
  readonly headers?: HeadersOption
  /**
   * Gets new credentials after the server refused them (401), such as renewing a token that
   * `headers` then returns. Called once for all the files refused together; each is then sent
   * once more.
   */
  readonly refreshCredentials?: () => void | Promise<void>
  /**
   * Limits the backend enforces. Images are checked by content, and by default only JPEG, PNG,
   * GIF and WebP are accepted, of at most {@link defaultMaxPixels} pixels (a header can claim
   * any size, and a server decoding it would run out of memory).
   * @default { allowedTypes: webImageTypes, image: { maxPixels: defaultMaxPixels } }
   */
  readonly constraints?: FileConstraints
  /**
   * How many images upload at once.
   * @default 6
   */
  readonly concurrency?: number
  /** Maps a successful answer to an asset record; the default reads common shapes such as `{data: {key}}`. */
  readonly toAsset?: (response: ServerResponse, file: FileInfo) => AssetRecord
}

/** The default pixel cap of image strategies: 100 megapixels (10,000 × 10,000). */
export const defaultMaxPixels = 100_000_000

/**
 * The image-only backend style: a multipart form with one image field, images only, checked by
 * content before upload.
 */
export function imageOnly(options: ImageOnlyOptions): UploadStrategy {
  if (!options.endpoint)
    throw new TypeError('imageOnly needs an `endpoint`: a URL or a function returning one')
  return {
    name: 'image-only',
    constraints: {
      allowedTypes: webImageTypes,
      ...options.constraints,
      image: { maxPixels: defaultMaxPixels, ...options.constraints?.image },
    },
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
    install: (uppy) => ({
      ...installXhrTransport(uppy, {
        request: endpointRequest({ endpoint: options.endpoint, headers: options.headers }),
        method: 'POST',
        formData: true,
        fieldName: options.fieldName ?? 'image',
        concurrency: options.concurrency,
      }),
      toAsset: options.toAsset ?? commonAssetRecord('image-only'),
    }),
  }
}

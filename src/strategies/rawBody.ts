import type { AssetRecord, FileInfo } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import type { ServerResponse } from '../core/http'
import type { HeadersOption, UploadStrategy } from '../core/strategy'
import { commonAssetRecord } from './kit/commonRecord'
import { endpointRequest, installXhrTransport } from './kit/xhrTransport'

/** Options of {@link rawBody}. */
export interface RawBodyOptions {
  /** The URL each file is sent to, or a function choosing it per file. */
  readonly endpoint: string | ((file: FileInfo) => string | Promise<string>)
  /**
   * The HTTP method.
   * @default 'POST'
   */
  readonly method?: 'POST' | 'PUT'
  /**
   * The header carrying the file's name, percent-encoded where it is not plain ASCII; `false` sends none.
   * @default 'x-file-name'
   */
  readonly nameHeader?: string | false
  /**
   * The header to send each file's path inside a dropped or chosen folder in, percent-encoded
   * like the name; files that came in no folder send none. Not sent by default.
   */
  readonly relativePathHeader?: string
  /** Request headers (such as an API key), or a (possibly async) function asked before every request. */
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
  /** Maps a successful answer to an asset record; the default reads common shapes such as `{data: {assetId, fileUrl, …}}`. */
  readonly toAsset?: (response: ServerResponse, file: FileInfo) => AssetRecord
}

/**
 * The raw-body backend style: each file is the whole request body, with its type as
 * `Content-Type` and its name and other metadata in headers.
 */
export function rawBody(options: RawBodyOptions): UploadStrategy {
  const { nameHeader = 'x-file-name' } = options
  if (!options.endpoint)
    throw new TypeError('rawBody needs an `endpoint`: a URL or a function returning one')
  const request = endpointRequest({ endpoint: options.endpoint, headers: options.headers })
  return {
    name: 'raw-body',
    constraints: {
      ...options.constraints,
      // The length a server checks is the header's, percent-encoding included.
      ...(nameHeader !== false && { sentName: headerSafe }),
    },
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
    install: (uppy) => ({
      ...installXhrTransport(uppy, {
        async request(file, context) {
          const { url, headers } = await request(file, context)
          return {
            url,
            headers: {
              ...headers,
              'content-type': file.type || 'application/octet-stream',
              ...(nameHeader !== false && { [nameHeader]: headerSafe(file.name) }),
              ...(options.relativePathHeader &&
                file.relativePath && {
                  [options.relativePathHeader]: headerSafe(file.relativePath),
                }),
            },
          }
        },
        method: options.method ?? 'POST',
        formData: false,
        concurrency: options.concurrency,
      }),
      toAsset: options.toAsset ?? commonAssetRecord('raw-body'),
    }),
  }
}

/** `value` with everything but printable ASCII percent-encoded, as HTTP headers require. */
export function headerSafe(value: string): string {
  // By code point (`u`): an emoji is two UTF-16 units, and encoding either alone throws URIError.
  return value.replace(/[^\x20-\x7e]|%/gu, (character) => encodeURIComponent(character))
}

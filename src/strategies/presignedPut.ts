import type { AssetRecord, FileInfo } from '../core/asset'
import { toAssetRecord } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import { AssetDropError, isAssetDropError } from '../core/errors'
import { errorFromResponse, isRecord, type ServerResponse, withoutQuery } from '../core/http'
import type { MetaField, UploadStrategy } from '../core/strategy'
import { installXhrUpload } from '../core/xhr'

/** An upload URL the app's API issued for one file. */
export interface IssuedUpload {
  /** The URL to PUT the bytes to. */
  readonly uploadUrl: string
  /** Seconds until the URL expires, when the API says. */
  readonly expiresIn?: number | undefined
  /**
   * Headers the URL was signed with, besides `Content-Type` (sent as the file's type) and
   * `Content-Length` (the browser sends the exact length).
   */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** What the API answered, for the asset record. */
  readonly response: unknown
}

/** What {@link PresignedPutOptions.toAsset} is given once the bytes are stored. */
export interface StoredUpload {
  /** The file uploaded. */
  readonly file: FileInfo
  /** The URL the app's API issued (with `s3Multipart`, the object's location). */
  readonly issued: IssuedUpload
  /** The storage host's answer. */
  readonly upload: ServerResponse
}

/** Options of {@link presignedPut}. */
export interface PresignedPutOptions {
  /**
   * Asks the app's API for an upload URL for this file (its size and type). The API's
   * credentials belong here: they are never sent to the upload host.
   */
  readonly getUploadUrl: (file: FileInfo) => Promise<IssuedUpload>
  /**
   * The asset record once the bytes are stored, from the API's answer (never from the upload
   * URL). It may finish with a further request, such as registering the stored key.
   * @default a record from the answer's `public_url`, `url`, `key` and `id`
   */
  readonly toAsset?: (stored: StoredUpload) => AssetRecord | Promise<AssetRecord>
  /**
   * Gets new credentials after the server refused them (401), such as renewing a token that
   * `headers` then returns. Called once for all the files refused together; each is then sent
   * once more.
   */
  readonly refreshCredentials?: () => void | Promise<void>
  /** Limits the backend enforces, checked in the browser before upload. */
  readonly constraints?: FileConstraints
  /** Per-file metadata the end user edits before upload, for `toAsset` to send on. */
  readonly metaFields?: readonly MetaField[]
  /**
   * How many files upload at once.
   * @default 6
   */
  readonly concurrency?: number
}

/**
 * The presigned-PUT backend style: ask the app's API for an upload URL for each file, then PUT
 * the bytes there with exactly the headers the URL was signed for.
 *
 * A URL is asked for once per file and reused while it is valid, so retries after a failed PUT
 * never create a second asset; one that expired before or during the attempt is renewed once.
 */
export function presignedPut(options: PresignedPutOptions): UploadStrategy {
  const { getUploadUrl } = options
  if (typeof getUploadUrl !== 'function' || 'signRequest' in options) {
    throw new TypeError(
      'presignedPut needs `getUploadUrl(file)`, resolving to `{ uploadUrl, expiresIn?, response }`. For a backend that signs S3 requests (multipart, resumed on retry), use `s3Multipart({ signRequest })`.',
    )
  }
  /** Issued URLs by Uppy file id, with when they stop being usable. */
  const issued = new Map<string, { upload: IssuedUpload; usableUntil: number }>()

  const issue = async (file: FileInfo): Promise<IssuedUpload> => {
    const cached = issued.get(file.id)
    if (cached && Date.now() < cached.usableUntil) return cached.upload
    const upload = await getUploadUrl(file)
    if (typeof upload?.uploadUrl !== 'string' || !/^https?:\/\//i.test(upload.uploadUrl)) {
      throw new AssetDropError('bad-response')
    }
    const lifetime = (upload.expiresIn ?? 3600) * 1000
    // Keep a margin, so a URL is not used a moment before it expires.
    issued.set(file.id, {
      upload,
      usableUntil: Date.now() + lifetime - Math.min(5000, lifetime / 4),
    })
    return upload
  }

  const strategy: UploadStrategy = {
    name: 'presigned-put',
    constraints: options.constraints ?? {},
    ...(options.metaFields && { metaFields: options.metaFields }),
    install(uppy) {
      uppy.on('upload-error', (file, error) => {
        if (file && isAssetDropError(error) && error.code === 'url-expired') issued.delete(file.id)
      })
      uppy.on('upload-success', (file) => {
        if (file) issued.delete(file.id)
      })
      installXhrUpload(uppy, strategy, {
        endpoint: async (file) => (await issue(file)).uploadUrl,
        method: 'PUT',
        formData: false,
        headers: async (file) => ({
          ...(await issue(file)).headers,
          'content-type': file.type || 'application/octet-stream',
        }),
        concurrency: options.concurrency,
      })
    },
    async toAsset(response, file) {
      const upload = issued.get(file.id)?.upload
      if (!upload) throw new AssetDropError('bad-response', { status: response.status })
      return (options.toAsset ?? presignedAssetRecord)({ file, issued: upload, upload: response })
    },
    toError: errorFromResponse,
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
  }
  return strategy
}

/** The default record of a presigned PUT: from the API's `public_url`, `url`, `key` and `id`. */
export function presignedAssetRecord({ file, issued, upload }: StoredUpload): AssetRecord {
  const answer = isRecord(issued.response) ? issued.response : {}
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  const publicUrl = text(answer.public_url) ?? text(answer.publicUrl) ?? text(answer.url)
  try {
    return toAssetRecord(
      {
        id: text(answer.id) ?? text(answer.key) ?? publicUrl ?? withoutQuery(issued.uploadUrl),
        key: answer.key,
        url: publicUrl,
        access:
          answer.access === 'private' || answer.access === 'public' ? answer.access : undefined,
      },
      { strategy: 'presigned-put', file, response: issued.response },
    )
  } catch (cause) {
    throw new AssetDropError('bad-response', { status: upload.status, cause })
  }
}

import type { AssetRecord, FileInfo } from '../core/asset'
import { toAssetRecord } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import { AssetDropError } from '../core/errors'
import { isRecord, type ServerResponse, withoutQuery } from '../core/http'
import type { MetaField, StepContext, UploadStrategy } from '../core/strategy'
import { installXhrTransport } from './kit/xhrTransport'

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
  /** Aborted when the file is cancelled or this step stalls; pass it to any request made here. */
  readonly signal?: AbortSignal | undefined
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
   * URL). It may finish with a further request, such as registering the stored key; when that
   * request fails in a way worth retrying, only it is sent again.
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
 * One URL serves each attempt, asked for before the attempt sends anything, and is reused by
 * the next attempts while it is valid, so retries after a failed PUT never create a second asset;
 * one that expired before or during the attempt is renewed once.
 */
export function presignedPut(options: PresignedPutOptions): UploadStrategy {
  const { getUploadUrl } = options
  if (typeof getUploadUrl !== 'function' || 'signRequest' in options) {
    throw new TypeError(
      'presignedPut needs `getUploadUrl(file)`, resolving to `{ uploadUrl, expiresIn?, response }`. For a backend that signs S3 requests (multipart, resumed on retry), use `s3Multipart({ signRequest })`.',
    )
  }
  const toAsset = options.toAsset ?? presignedAssetRecord

  return {
    name: 'presigned-put',
    constraints: options.constraints ?? {},
    ...(options.metaFields && { metaFields: options.metaFields }),
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
    install(uppy) {
      /** Each file's issued URL, with when it stops being usable. */
      const issued = new Map<string, { upload: IssuedUpload; usableUntil: number }>()

      const issue = async (file: FileInfo, renew: boolean): Promise<IssuedUpload> => {
        const cached = issued.get(file.id)
        if (cached && !renew && Date.now() < cached.usableUntil) return cached.upload
        const upload = await getUploadUrl(file)
        if (typeof upload?.uploadUrl !== 'string' || !/^https?:\/\//i.test(upload.uploadUrl)) {
          throw new AssetDropError('bad-response')
        }
        const lifetime = Math.max(0, upload.expiresIn ?? 3600) * 1000
        // Keep a margin, so a URL is not used a moment before it expires.
        issued.set(file.id, {
          upload,
          usableUntil: Date.now() + lifetime - Math.min(5000, lifetime / 4),
        })
        return upload
      }

      const transport = installXhrTransport(uppy, {
        async request(file, { renew }) {
          const upload = await issue(file, renew)
          return {
            url: upload.uploadUrl,
            headers: {
              ...upload.headers,
              'content-type': file.type || 'application/octet-stream',
            },
          }
        },
        method: 'PUT',
        formData: false,
        concurrency: options.concurrency,
      })

      return {
        ...transport,
        async toAsset(answer: ServerResponse, file: FileInfo, { signal }: StepContext) {
          const upload = issued.get(file.id)?.upload
          if (!upload) throw new AssetDropError('bad-response', { status: answer.status })
          const record = await toAsset({ file, issued: upload, upload: answer, signal })
          return { ...record, response: withoutUploadUrl(record.response, upload.uploadUrl) }
        },
        release(fileId) {
          issued.delete(fileId)
          transport.release(fileId)
        },
      }
    },
  }
}

/**
 * The API's answer without the signed upload URL: until it expires, whoever holds it can
 * overwrite the object, so it stays out of the record an app's callbacks receive.
 */
function withoutUploadUrl(response: unknown, uploadUrl: string): unknown {
  if (!isRecord(response)) return response
  const bare = withoutQuery(uploadUrl)
  return Object.fromEntries(
    Object.entries(response).filter(
      ([name, value]) =>
        !/^upload_?url$/i.test(name) &&
        !(
          typeof value === 'string' &&
          (value === uploadUrl || (value.includes('?') && withoutQuery(value) === bare))
        ),
    ),
  )
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

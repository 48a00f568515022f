import AwsS3 from '@uppy/aws-s3'
import type { AssetRecord, FileInfo } from '../core/asset'
import { toAssetRecord } from '../core/asset'
import type { FileConstraints } from '../core/constraints'
import { AssetDropError } from '../core/errors'
import { errorFromResponse, isRecord, parseJson } from '../core/http'
import { secretsOf } from '../core/secrets'
import type { MetaField, UploadStrategy } from '../core/strategy'
import { fileInfo } from '../core/uppy/files'
import type { AssetBody, AssetMeta, AssetUppy } from '../core/uppy/types'
import type { IssuedUpload, StoredUpload } from './presignedPut'

/** One S3 request for the app's backend to sign, as `@uppy/aws-s3` describes it. */
export interface S3SignRequest {
  /** `PUT` an object or a part, `POST` to create or complete a multipart upload, `GET` its parts, `DELETE` it. */
  readonly method: 'PUT' | 'POST' | 'GET' | 'DELETE'
  /** The object's key. */
  readonly key: string
  /** The multipart upload, for its steps. */
  readonly uploadId?: string
  /** The part, for a part's PUT. */
  readonly partNumber?: number
  /** The object's type, for a PUT or a create. */
  readonly contentType?: string
}

/** Options of {@link s3Multipart}. */
export interface S3MultipartOptions {
  /**
   * Signs one S3 request through the app's backend, which holds the S3 credentials; resolves to
   * the signed URL and any headers it was signed with.
   */
  readonly signRequest: (
    request: S3SignRequest,
  ) => Promise<{ url: string; headers?: Record<string, string> }>
  /**
   * The size from which files go by multipart.
   * @default 100 MiB
   */
  readonly multipartThreshold?: number
  /**
   * The size of each part (S3 needs at least 5 MiB but for the last).
   * @default 8 MiB
   */
  readonly partSize?: number
  /**
   * The key each file is stored under; the same for every attempt.
   * @default `uploads/<the widget's file id>/<name>`
   */
  readonly objectKey?: (file: FileInfo) => string
  /**
   * The asset record once the bytes are stored, from S3's answer. It may finish with a further
   * request, such as registering the stored key.
   * @default a record from the object's key and location
   */
  readonly toAsset?: (stored: StoredUpload) => AssetRecord | Promise<AssetRecord>
  /**
   * Gets new credentials after the server refused them (401). Called once for all the files
   * refused together; each is then sent once more.
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

const MiB = 1024 * 1024

/**
 * The presigned-PUT backend style where the app's backend signs each S3 request (through
 * `@uppy/aws-s3`): small files go by one PUT, files from `multipartThreshold` by S3 multipart,
 * and a retry resumes a multipart upload, sending only the parts S3 does not hold yet. Every
 * attempt writes the same key, so a retry never stores a second object.
 */
export function s3Multipart(options: S3MultipartOptions): UploadStrategy {
  const { signRequest } = options
  if (typeof signRequest !== 'function') {
    throw new TypeError(
      's3Multipart needs `signRequest(request)`, resolving to `{ url, headers? }`',
    )
  }
  const threshold = options.multipartThreshold ?? 100 * MiB
  const objectKey =
    options.objectKey ??
    ((file: FileInfo) => `uploads/${file.id.replace(/[^\w-]+/g, '_')}/${file.name}`)
  return {
    name: 'presigned-put',
    constraints: options.constraints ?? {},
    ...(options.metaFields && { metaFields: options.metaFields }),
    ...(options.refreshCredentials && { refreshCredentials: options.refreshCredentials }),
    install(uppy: AssetUppy) {
      /** Which file each object key belongs to, to tell which file's request is starting. */
      const files = new Map<string, string>()
      /** The credentials each file's signed requests carried (signatures, keys), by file. */
      const carried = new Map<string, Set<string>>()
      const id = `assetdrop:AwsS3:${++installs}`
      uppy.use(AwsS3<AssetMeta, AssetBody>, {
        id,
        async signRequest(request) {
          // Each S3 request is signed just before it is sent: the file's request starts now.
          const fileId = files.get(request.key)
          if (fileId !== undefined) uppy.emit('assetdrop:request-started', uppy.getFile(fileId))
          const signed = await signRequest(request as S3SignRequest)
          if (typeof signed?.url !== 'string' || !/^https?:\/\//i.test(signed.url)) {
            throw new AssetDropError('bad-response')
          }
          if (fileId !== undefined) {
            const known = carried.get(fileId) ?? new Set()
            for (const secret of secretsOf(signed.headers ?? {}, signed.url)) known.add(secret)
            carried.set(fileId, known)
          }
          return signed
        },
        shouldUseMultipart: (file) => (file.size ?? 0) >= threshold,
        getChunkSize: () => options.partSize ?? 8 * MiB,
        generateObjectKey(file) {
          const key = objectKey(fileInfo(file))
          files.set(key, file.id)
          return key
        },
        allowedMetaFields: false,
        limit: options.concurrency ?? 6,
      })
      return {
        // Every attempt PUTs the same key (or the same part), which stores the object once.
        replaySafe: true,
        async toAsset(answer, file, { signal }) {
          const stored = isRecord(answer.json) ? answer.json : {}
          const upload: IssuedUpload = {
            uploadUrl: typeof stored.location === 'string' ? stored.location : answer.url,
            response: stored,
          }
          if (options.toAsset) {
            return options.toAsset({ file, issued: upload, upload: answer, signal })
          }
          return toAssetRecord(
            { id: stored.key, key: stored.key, url: stored.location },
            { strategy: 'presigned-put', file, response: stored },
          )
        },
        errorOf: (reported, file) => s3Error(reported, [...(carried.get(file.id) ?? [])]),
        release(fileId) {
          for (const [key, owner] of files) if (owner === fileId) files.delete(key)
          carried.delete(fileId)
        },
        uninstall() {
          const plugin = uppy.getPlugin(id)
          if (plugin) uppy.removePlugin(plugin)
        },
      }
    },
  }
}

let installs = 0

/**
 * The typed error for what `@uppy/aws-s3` reports: S3's own answer (`S3ServiceError`, with the
 * status and the XML body) read like any other, with the file's signatures and keys blanked out
 * of it; a network failure as `network`.
 */
function s3Error(reported: unknown, secrets: readonly string[]): AssetDropError | undefined {
  if (!(reported instanceof Error)) return undefined
  const { status, body } = reported as { status?: unknown; body?: unknown }
  if (reported.name === 'S3ServiceError' && typeof status === 'number' && status > 0) {
    const text = typeof body === 'string' ? body : ''
    return errorFromResponse(
      { status, contentType: '', text, json: parseJson(text), url: '' },
      [...secrets].sort((a, b) => b.length - a.length),
    )
  }
  if (reported.name === 'S3NetworkError') return new AssetDropError('network', { cause: reported })
  return undefined
}

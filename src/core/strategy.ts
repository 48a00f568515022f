import type { AssetRecord, FileInfo, StrategyName } from './asset'
import type { FileConstraints } from './constraints'
import type { AssetDropError } from './errors'
import type { ServerResponse } from './http'
import type { AssetUppy } from './uppy/types'

export type { AssetBody, AssetMeta, AssetUppy } from './uppy/types'

/**
 * One backend style. A strategy brings the limits its backend enforces and, installed on an
 * uploader, shapes the requests and turns the answers into asset records and typed errors;
 * nothing else. Each file's upload is three steps, each of which the uploader runs, watches for
 * stalls and retries on its own: `prepare` (before any byte is sent), the Uppy uploader plugin
 * sending the bytes, and `toAsset` (which may finish with a request of its own).
 */
export interface UploadStrategy {
  /** The backend style, copied into every asset record. */
  readonly name: StrategyName
  /** The limits the backend itself enforces, checked in the browser before upload. */
  readonly constraints: FileConstraints
  /** Per-file metadata the end user can edit before upload, when the backend takes any. */
  readonly metaFields?: readonly MetaField[]
  /**
   * Gets new credentials after the server refused them (401). The uploader calls it once for
   * all the files refused together, then sends each of them once more.
   */
  readonly refreshCredentials?: () => void | Promise<void>
  /**
   * Installs the Uppy uploader plugin that sends the files, once per uploader, and returns the
   * steps around it. The plugin announces each request's start with the
   * `assetdrop:request-started` event (before it, a file waits for a free slot, which is no stall)
   * and reports progress, success and errors with Uppy's own upload events.
   */
  install(uppy: AssetUppy): InstalledStrategy
}

/** A strategy installed on one uploader's Uppy instance: the steps of each file's upload. */
export interface InstalledStrategy {
  /**
   * Whether sending a file's request again can only store it once (a PUT to one URL), so a
   * request whose answer was lost after its whole body went is sent again; otherwise it fails
   * as `unconfirmed`.
   * @default false
   */
  readonly replaySafe?: boolean
  /**
   * Step one of every attempt, before any byte is sent: whatever the request needs, such as
   * asking the app's API for an upload URL or a token for the headers. It throws an
   * {@link AssetDropError} when it can't (anything else is a `network` failure); the attempt then
   * fails with nothing sent.
   */
  prepare?(file: FileInfo, context: AttemptContext): Promise<void>
  /**
   * The last step: the asset record for the storage's answer. It may finish with a further
   * request, such as registering the stored key; when that fails in a way worth retrying, only
   * this step is tried again, and the bytes are not sent twice. It throws an
   * {@link AssetDropError} for an answer it can't use; anything else it throws is `bad-response`.
   */
  toAsset(
    answer: ServerResponse,
    file: FileInfo,
    context: StepContext,
  ): AssetRecord | Promise<AssetRecord>
  /**
   * The typed error for a failure the Uppy plugin reported in a shape of its own (such as
   * `@uppy/aws-s3`'s errors); `undefined` leaves it to the uploader's reading of it.
   */
  errorOf?(reported: unknown, file: FileInfo): AssetDropError | undefined
  /** Forgets what was prepared for a file that is done or gone. */
  release?(fileId: string): void
  /** Removes the Uppy plugin. */
  uninstall(): void
}

/** What a step of an attempt is told. */
export interface StepContext {
  /** Aborted when the file is cancelled or the step stalls. */
  readonly signal: AbortSignal
}

/** What `prepare` is told about the attempt. */
export interface AttemptContext extends StepContext {
  /**
   * Whether the last attempt failed because its upload address expired: ask for a fresh one
   * rather than reuse it.
   */
  readonly renew: boolean
}

/** A piece of per-file metadata the end user can edit before upload, such as a title. */
export interface MetaField {
  /** The metadata key, such as `title`. */
  readonly id: string
  /** The label shown to the end user. */
  readonly label: string
  /** Whether the server refuses a file without it. */
  readonly required?: boolean
  /** Whether the value is a list (such as tags), edited as comma-separated text. */
  readonly list?: boolean
  /** The value a file starts with. */
  readonly initial?: (file: FileInfo) => string | readonly string[]
}

/** Request headers, given as they are or by a function asked before every request. */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | ((
      file: FileInfo,
    ) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>)

/** The headers an option gives for `file`. */
export async function resolveHeaders(
  headers: HeadersOption | undefined,
  file: FileInfo,
): Promise<Readonly<Record<string, string>>> {
  return typeof headers === 'function' ? await headers(file) : (headers ?? {})
}

import type { Uppy } from '@uppy/core'
import type { AssetRecord, FileInfo, StrategyName } from './asset'
import type { FileConstraints } from './constraints'
import type { AssetDropError } from './errors'
import type { ServerResponse } from './http'

/** The metadata assetdrop keeps on each Uppy file: its name, its type and any form fields. */
export type AssetMeta = {
  /** The file name sent to the server. */
  name: string
  /** The MIME type sent to the server. */
  type: string
  [field: string]: unknown
}

/** The body Uppy records for an uploaded file: the normalized asset record. */
export type AssetBody = { asset: AssetRecord }

/** The Uppy instance an uploader owns. */
export type AssetUppy = Uppy<AssetMeta, AssetBody>

/**
 * One backend style. A strategy shapes the requests, brings the limits its backend enforces, and
 * turns the server's answers into asset records and typed errors; nothing else.
 */
export interface UploadStrategy {
  /** The backend style, copied into every asset record. */
  readonly name: StrategyName
  /** The limits the backend itself enforces, checked in the browser before upload. */
  readonly constraints: FileConstraints
  /** Per-file metadata the end user can edit before upload, when the backend takes any. */
  readonly metaFields?: readonly MetaField[]
  /** Installs the Uppy uploader plugin that sends the files. Called once per Uppy instance. */
  install(uppy: AssetUppy): void
  /**
   * The asset record for a successful answer; throws an {@link AssetDropError} if unusable. It
   * may be async, to finish the upload with a further request (such as registering a stored key).
   */
  toAsset(response: ServerResponse, file: FileInfo): AssetRecord | Promise<AssetRecord>
  /** The typed error for a failed answer. */
  toError(response: ServerResponse): AssetDropError
  /**
   * Gets new credentials after the server refused them (401). The uploader calls it once for
   * all the files refused together, then sends each of them once more.
   */
  readonly refreshCredentials?: () => void | Promise<void>
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

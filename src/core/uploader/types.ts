import type { AssetRecord, FileInfo } from '../asset'
import type { FileConstraints, FileRejection } from '../constraints'
import type { AssetDropError } from '../errors'
import type { ErrorMessages } from '../messages'
import type { UploadStrategy } from '../strategy'
import type { AssetUppy } from '../uppy/types'
import type { Clock } from './clock'
import type { RetryPolicy } from './retryPolicy'
import type { UploaderSnapshot } from './store'

/** A file that failed to upload, with why. */
export interface UploadFailure {
  /** The file that failed. */
  readonly file: FileInfo
  /** Why it failed. */
  readonly error: AssetDropError
}

/** What one upload run produced: the assets stored and the files that failed. */
export interface UploadOutcome {
  /** The asset records of the files stored, in the order they were added. */
  readonly assets: readonly AssetRecord[]
  /** The files that failed, with their errors. */
  readonly failed: readonly UploadFailure[]
}

/** What one call of `addFiles` did with each file. */
export interface AddFilesResult {
  /** The files queued for upload. */
  readonly added: readonly FileInfo[]
  /** The files refused, with their issues. */
  readonly rejected: readonly FileRejection[]
}

/** A file to add: a `File`, or a `Blob` with a name (and, from a dropped folder, its path). */
export type FileSource =
  | File
  | {
      readonly file: Blob & { readonly name: string; readonly lastModified?: number }
      readonly relativePath?: string
      /**
       * The browser could not give this file (or folder) from a drop: it is refused on its own
       * with `file-unreadable`, and the rest of the drop goes on.
       */
      readonly unreadable?: boolean
    }

/** Options of {@link createUploader}. */
export interface CreateUploaderOptions {
  /** The backend style to upload with, such as `multipartForm({ endpoint })`. */
  readonly strategy: UploadStrategy
  /**
   * The app's own limits. They can only tighten the strategy's: a looser number throws at
   * construction, and types must pass both lists.
   */
  readonly constraints?: FileConstraints
  /**
   * Messages by code, replacing the English defaults (for other languages): used for the
   * issues of refused files, and by the widgets for every error they show.
   */
  readonly messages?: Partial<ErrorMessages>
  /**
   * Whether files start uploading as soon as they are added.
   * @default false
   */
  readonly autoUpload?: boolean
  /**
   * Whether the files an operating system leaves in folders (`.DS_Store`, `._*`, `__MACOSX/`,
   * `Thumbs.db`, `desktop.ini`) are taken like any other; by default they are silently ignored.
   * @default false
   */
  readonly keepSystemFiles?: boolean
  /**
   * Whether Uppy's own log (debug lines, warnings, errors) goes to the console. It is silent by
   * default: every failure it would print, assetdrop reports already, typed.
   * @default false
   */
  readonly debug?: boolean
  /**
   * How failed uploads are sent again and when a stalled one is given up; `false` sends each
   * file once. Network failures, stalls, 408, 429 (after its `Retry-After`) and 5xx are retried;
   * a 401 is retried once after the strategy's `refreshCredentials`; nothing else is.
   * @default { retries: 3, delay: 1000, maxDelay: 30000, stallTimeout: 30000 }
   */
  readonly retry?: RetryPolicy | false
  /**
   * The time source for retry waits and stall detection; tests pass one they control.
   * @default the browser's clock and timers
   */
  readonly clock?: Clock
  /** Called with the files queued by one add. */
  readonly onFilesAdded?: (event: { files: readonly FileInfo[] }) => void
  /** Called for each file refused before upload, with its issues. */
  readonly onFileRejected?: (event: FileRejection) => void
  /** Called for each file stored, with its asset record. */
  readonly onAssetUploaded?: (event: { asset: AssetRecord; file: FileInfo }) => void
  /** Called for each file that failed to upload, with its typed error. */
  readonly onUploadError?: (event: UploadFailure) => void
  /** Called when every upload under way has finished (retries included), with what they produced. */
  readonly onComplete?: (event: UploadOutcome) => void
}

/** An uploader: one Uppy instance, its files' state, and the actions on them. */
export interface Uploader {
  /**
   * The Uppy instance, for UI plugins such as the Dashboard. Reading it hands Uppy every listed
   * file, as such plugins need; until then Uppy holds only the files on their way, which keeps
   * adding and uploading thousands of files fast.
   */
  readonly uppy: AssetUppy
  /**
   * Validates files (name, type, size, content, images, duplicates, counts, custom rules) and
   * queues the valid ones; the others are listed as rejected. No byte of a rejected file is sent.
   * Rejects once the uploader is destroyed.
   */
  addFiles(files: Iterable<FileSource> | ArrayLike<FileSource>): Promise<AddFilesResult>
  /**
   * Uploads every queued file; resolves when each has succeeded or failed for good (retries
   * included), with both lists. One file's failure never stops the others.
   */
  upload(): Promise<UploadOutcome>
  /** Cancels one file's upload, or every unfinished file's when no id is given. */
  cancel(fileId?: string): void
  /**
   * Uploads one failed file again (or one waiting to be retried, now), or every such file when
   * no id is given; it starts with a fresh retry budget.
   */
  retry(fileId?: string): Promise<UploadOutcome>
  /** Takes a file out of the list, cancelling its upload if it is on its way. */
  remove(fileId: string): void
  /** The bytes of a file in the list (for a thumbnail, say), while it is there. */
  getFile(fileId: string): Blob | undefined
  /** Cancels every upload and empties the list. */
  reset(): void
  /**
   * Resolves once no file is being checked, uploaded or waiting to be retried: a form awaits it
   * before it submits.
   */
  whenIdle(): Promise<void>
  /**
   * Counts files held elsewhere (such as the assets a form field already has) against `maxFiles`
   * and `maxTotalSize`, in place of those given before. One that came from this uploader's own
   * list (its `fileId` is there) is counted once.
   */
  hold(files: readonly { readonly size: number; readonly fileId?: string }[]): void
  /** Sets metadata of a file that has not uploaded yet, such as the title the end user typed. */
  setMeta(fileId: string, meta: NonNullable<FileInfo['meta']>): void
  /** Calls `listener` after every change of the snapshot; returns the function that stops it. */
  subscribe(listener: () => void): () => void
  /** The current state: the same object until something changes. */
  getSnapshot(): UploaderSnapshot
  /** Stops every upload and releases the Uppy instance. The uploader can't be used after. */
  destroy(): void
}

import type { FileStatus } from '../core/uploader/store'

/** Every string the React widgets show or announce; replace it to translate them. */
export interface DropzoneLocale {
  /** The widget's accessible name. */
  readonly label: string
  /** The hint in the drop area. */
  readonly dropHere: string
  /** The button that opens the file picker. */
  readonly chooseFiles: string
  /** The folder chooser's label (shown when `folders` is set). */
  readonly chooseFolder: string
  /** The button that uploads the queued files. */
  readonly upload: (count: number) => string
  /** The list of files' accessible name. */
  readonly files: string
  /** The uploaded assets' list's accessible name. */
  readonly assets: string
  /** The accessible name of the Dashboard's list of files that were refused or failed. */
  readonly problems: string
  /** A per-file field's label in the Dashboard's file card when it must be filled. */
  readonly requiredField: (label: string) => string
  /** The placeholder of a per-file field that takes a list (such as tags). */
  readonly listPlaceholder: string
  /** Each status, as shown next to a file. */
  readonly status: Readonly<Record<FileStatus, string>>
  /** A file waiting to be retried: in how many seconds, or `undefined` until back online. */
  readonly retryingIn: (seconds: number | undefined) => string
  /** Shown while the browser is offline. */
  readonly offline: string
  /** The accessible name of a file's metadata fields. */
  readonly detailsOf: (name: string) => string
  /** The accessible name of a file's progress bar. */
  readonly progressOf: (name: string) => string
  /** The accessible name of the total progress bar. */
  readonly totalProgress: string
  /** The total progress in words, with the time left when it is known. */
  readonly totalValue: (percent: number, secondsLeft: number | undefined) => string
  /** Buttons on a file, with its name for screen readers. */
  readonly remove: (name: string) => string
  readonly cancel: (name: string) => string
  readonly retry: (name: string) => string
  /** An asset of the field that could not be removed (its `onRemoveAsset` failed). */
  readonly removeFailed: string
  /** The form's validation message when a required field holds no asset. */
  readonly required: string
  /** The form's validation message while files are still on their way. */
  readonly stillUploading: string
  /** Announced politely as things happen. */
  readonly announce: {
    readonly added: (count: number) => string
    readonly rejected: (name: string, reason: string) => string
    readonly failed: (name: string, reason: string) => string
    readonly complete: (uploaded: number, failed: number) => string
  }
}

/** The English strings. */
export const englishLocale: DropzoneLocale = {
  label: 'File upload',
  dropHere: 'Drop files here, paste them, or',
  chooseFiles: 'Choose files',
  chooseFolder: 'Choose a folder',
  upload: (count) => (count === 1 ? 'Upload 1 file' : `Upload ${count} files`),
  files: 'Files',
  assets: 'Uploaded assets',
  problems: 'Files with problems',
  requiredField: (label) => `${label} (required)`,
  listPlaceholder: 'Comma-separated',
  status: {
    validating: 'Checking',
    queued: 'Ready',
    rejected: 'Not allowed',
    uploading: 'Uploading',
    retrying: 'Retrying',
    succeeded: 'Uploaded',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  retryingIn: (seconds) =>
    seconds === undefined
      ? 'Waiting for the connection'
      : `Retrying in ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}`,
  offline: 'You are offline. Uploads continue when the connection is back.',
  detailsOf: (name) => `Details of ${name}`,
  progressOf: (name) => `Upload progress of ${name}`,
  totalProgress: 'Total upload progress',
  totalValue: (percent, secondsLeft) =>
    secondsLeft === undefined
      ? `${percent}%`
      : `${percent}%, about ${secondsLeft < 60 ? `${secondsLeft} s` : `${Math.ceil(secondsLeft / 60)} min`} left`,
  remove: (name) => `Remove ${name}`,
  cancel: (name) => `Cancel ${name}`,
  retry: (name) => `Retry ${name}`,
  removeFailed: 'Could not be removed; try again',
  required: 'Add a file',
  stillUploading: 'Wait until the files have uploaded',
  announce: {
    added: (count) => (count === 1 ? '1 file added' : `${count} files added`),
    rejected: (name, reason) => `${name} was not added: ${reason}`,
    failed: (name, reason) => `${name} failed to upload: ${reason}`,
    complete: (uploaded, failed) =>
      uploaded === 0 && failed === 0
        ? 'Upload cancelled'
        : failed === 0
          ? `Upload complete: ${uploaded} uploaded`
          : `Upload finished: ${uploaded} uploaded, ${failed} failed`,
  },
}

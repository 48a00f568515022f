import type { AssetDropError, AssetDropErrorCode, MessageParams } from './errors'
import { formatBytes } from './format'

export type { MessageParams } from './errors'

/** A table of messages, one per code; replace it to translate every message assetdrop writes. */
export type ErrorMessages = Readonly<
  Record<AssetDropErrorCode, string | ((params: MessageParams) => string)>
>

const bytes = (value: string | number | undefined) =>
  typeof value === 'number' ? formatBytes(value) : String(value)

const nameProblems: Readonly<Record<string, string>> = {
  empty: 'The file has no name',
  'too-long': 'The file name is too long',
  'control-character': 'The file name contains control characters',
  'bidi-control': 'The file name contains characters that can disguise its type',
  'path-separator': 'The file name contains a slash',
  reserved: 'The file name is reserved (`.` and `..` name folders)',
}

/** The default English messages, kept apart from the codes. */
export const defaultErrorMessages: ErrorMessages = {
  'file-too-large': ({ maxSize }) =>
    maxSize === undefined ? 'The file is too large' : `The file is larger than ${bytes(maxSize)}`,
  'file-too-small': ({ minSize }) =>
    minSize === 1 ? 'The file is empty' : `The file is smaller than ${bytes(minSize)}`,
  'file-type-not-allowed': ({ allowed }) =>
    allowed === undefined
      ? 'This type of file is not allowed'
      : `This type of file is not allowed (allowed: ${allowed})`,
  'too-many-files': ({ maxFiles }) =>
    maxFiles === undefined ? 'Too many files' : `No more than ${maxFiles} files can be added`,
  'total-too-large': ({ maxTotalSize }) =>
    maxTotalSize === undefined
      ? 'The files are too large together'
      : `The files together may not exceed ${bytes(maxTotalSize)}`,
  'content-mismatch': ({ claimed, actual }) =>
    claimed === undefined
      ? 'The file’s content does not match its name or type'
      : `The file is named as ${claimed} but its content is ${actual}`,
  'image-too-small': ({ width, height, minWidth, minHeight }) =>
    `The image is ${width}×${height} pixels; it must be at least ${minWidth ?? 1}×${minHeight ?? 1}`,
  'image-too-large': ({ width, height, limit }) =>
    `The image is ${width}×${height} pixels, more than the ${limit} allowed`,
  'image-size-unknown': ({ format }) =>
    `The size of this ${format ?? 'image'} can’t be read, so it can’t be checked against the size limits`,
  'name-invalid': ({ problem }) => nameProblems[String(problem)] ?? 'The file name is not allowed',
  duplicate: 'This file has already been added',
  'file-unreadable':
    'The file could not be read; it may have changed or been moved since it was chosen',
  'meta-missing': ({ fields }) =>
    fields === undefined
      ? 'Fill in the required fields before upload'
      : `Fill in ${fields} before upload: it is required`,
  'url-invalid': 'Only a full web address (http or https) can be imported',
  custom: ({ message }) => (message === undefined ? 'The file was refused' : String(message)),
  unauthorized: 'Not signed in, or the credentials were refused',
  forbidden: 'Not allowed to upload here',
  'not-found': 'The upload address was not found',
  rejected: 'The server refused the file',
  'signature-mismatch': 'The upload address was refused: its signature does not match the file',
  'url-expired': 'The upload address expired',
  'rate-limited': 'Too many uploads at once; try again shortly',
  'server-error': 'The server failed to store the file',
  network: 'The upload could not reach the server',
  timeout: 'The upload took too long',
  aborted: 'The upload was cancelled',
  redirected: 'The server sent the upload on to another site, which is not followed',
  'bad-response': 'The server’s answer could not be understood',
  'answer-unrecognized':
    'The server took the file, but its answer does not say which asset it is; it is not sent again, so it is not stored twice',
}

/** The message for `code` from `messages` (falling back to English), filled in with `params`. */
export function messageFor(
  code: AssetDropErrorCode,
  params: MessageParams = {},
  messages: Partial<ErrorMessages> = defaultErrorMessages,
): string {
  const template = messages[code] ?? defaultErrorMessages[code]
  return typeof template === 'function' ? template(params) : template
}

/**
 * The text an end user reads for a refused file: each issue's message from `messages` (falling
 * back to English), filled in with its params, joined by `; `. Made where it is shown, so a
 * language switched since the file was refused applies to it too.
 */
export function formatIssues(
  issues: readonly { readonly code: AssetDropErrorCode; readonly params: MessageParams }[],
  messages?: Partial<ErrorMessages>,
): string {
  return issues.map((issue) => messageFor(issue.code, issue.params, messages)).join('; ')
}

/**
 * The text an end user reads for `error`: its code's message from `messages` (falling back to
 * English), filled in with its params, then the server's own message, if it gave one.
 */
export function formatError(error: AssetDropError, messages?: Partial<ErrorMessages>): string {
  const text = messageFor(error.code, error.params, messages)
  return error.serverMessage ? `${text}: ${error.serverMessage}` : text
}

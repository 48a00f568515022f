import type { AssetDropErrorCode } from './errors'

/** Values a message template may use. */
export type MessageParams = Readonly<Record<string, string | number>>

/** A table of messages, one per code; replace it to translate every message assetdrop writes. */
export type ErrorMessages = Readonly<
  Record<AssetDropErrorCode, string | ((params: MessageParams) => string)>
>

/** The default English messages, kept apart from the codes. */
export const defaultErrorMessages: ErrorMessages = {
  'file-too-large': ({ maxSize }) =>
    maxSize === undefined ? 'The file is too large' : `The file is larger than ${maxSize} bytes`,
  'file-too-small': ({ minSize }) =>
    minSize === undefined ? 'The file is too small' : `The file is smaller than ${minSize} bytes`,
  'file-type-not-allowed': ({ allowed }) =>
    allowed === undefined
      ? 'This type of file is not allowed'
      : `This type of file is not allowed (allowed: ${allowed})`,
  'too-many-files': 'Too many files',
  'total-too-large': 'The files are too large together',
  'content-mismatch': 'The file’s content does not match its name or type',
  'image-too-small': 'The image is too small',
  'image-too-large': 'The image is too large',
  'name-invalid': 'The file name is not allowed',
  duplicate: 'This file has already been added',
  custom: 'The file was refused',
  unauthorized: 'Not signed in, or the credentials were refused',
  forbidden: 'Not allowed to upload here',
  'not-found': 'The upload address was not found',
  rejected: 'The server refused the file',
  'rate-limited': 'Too many uploads at once; try again shortly',
  'server-error': 'The server failed to store the file',
  network: 'The upload could not reach the server',
  timeout: 'The upload took too long',
  aborted: 'The upload was cancelled',
  'bad-response': 'The server’s answer could not be understood',
}

/** The message for `code` from `messages`, filled in with `params`. */
export function messageFor(
  code: AssetDropErrorCode,
  params: MessageParams = {},
  messages: ErrorMessages = defaultErrorMessages,
): string {
  const template = messages[code]
  return typeof template === 'function' ? template(params) : template
}

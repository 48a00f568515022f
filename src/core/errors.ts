/** Values a message template may use. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Codes for files refused in the browser before any byte is sent. */
export type ValidationCode =
  | 'file-too-large'
  | 'file-too-small'
  | 'file-type-not-allowed'
  | 'too-many-files'
  | 'total-too-large'
  | 'content-mismatch'
  | 'image-too-small'
  | 'image-too-large'
  | 'image-size-unknown'
  | 'name-invalid'
  | 'duplicate'
  | 'file-unreadable'
  | 'meta-missing'
  | 'url-invalid'
  | 'custom'

/** Codes for uploads that failed on the way to, or at, the server. */
export type TransportCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rejected'
  | 'signature-mismatch'
  | 'url-expired'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'bad-response'
  | 'answer-unrecognized'
  | 'redirected'

/** Every stable code an {@link AssetDropError} can carry; programs switch on it. */
export type AssetDropErrorCode = ValidationCode | TransportCode

/** What an {@link AssetDropError} is built from. */
export interface AssetDropErrorOptions {
  /** The HTTP status of the answer that caused the error, when there was one. */
  status?: number | undefined
  /** The server's own explanation, taken from its answer and cut to a safe length. */
  serverMessage?: string | undefined
  /** The server's own error code, such as S3's `AccessDenied` or a problem object's `errorCode`. */
  serverCode?: string | undefined
  /** The id of the widget's file the error belongs to. */
  fileId?: string | undefined
  /** Values for the message template, such as `{ maxSize: 1000 }`. */
  params?: MessageParams | undefined
  /** How long the server asked to wait before trying again, in milliseconds (`Retry-After`). */
  retryAfter?: number | undefined
  /** Whether the request may have reached the server although no answer came back. */
  unconfirmed?: boolean | undefined
  /** The original failure. */
  cause?: unknown
}

/**
 * The one error type assetdrop reports: a stable `code`, the HTTP `status` and the server's
 * message where there were any, and the original failure in `cause`. Its `message` is for
 * developers (the code, the status and the server's message, never a URL, a token or an API
 * key); the text an end user reads is made where it is shown, with {@link formatError}.
 */
export class AssetDropError extends Error {
  override name = 'AssetDropError' as const
  /** The stable code a program can switch on. */
  readonly code: AssetDropErrorCode
  /** The HTTP status of the server's answer, if the error came from one. */
  readonly status: number | undefined
  /** The server's own message, if it gave one. */
  readonly serverMessage: string | undefined
  /** The server's own error code, if it gave one. */
  readonly serverCode: string | undefined
  /** The id of the widget's file this error belongs to, if any. */
  readonly fileId: string | undefined
  /** The values the message was built from. */
  readonly params: MessageParams
  /** How long the server asked to wait before trying again, in milliseconds (`Retry-After`). */
  readonly retryAfter: number | undefined
  /**
   * Whether the request may have reached the server although no answer came back (the
   * connection dropped after the whole body was sent): such a request is only sent again where
   * repeating it cannot store the file twice.
   */
  readonly unconfirmed: boolean

  constructor(code: AssetDropErrorCode, options: AssetDropErrorOptions = {}) {
    const params = options.params ?? {}
    const status = options.status ? ` (HTTP ${options.status})` : ''
    super(`${code}${status}${options.serverMessage ? `: ${options.serverMessage}` : ''}`, {
      cause: options.cause,
    })
    this.code = code
    this.status = options.status
    this.serverMessage = options.serverMessage
    this.serverCode = options.serverCode
    this.fileId = options.fileId
    this.params = params
    this.retryAfter = options.retryAfter
    this.unconfirmed = options.unconfirmed ?? false
  }

  /** A copy of this error attached to one of the widget's files. */
  withFile(fileId: string): AssetDropError {
    return this.with({ fileId })
  }

  /** A copy of this error with some of its options replaced. */
  with(changes: AssetDropErrorOptions): AssetDropError {
    // The copy's options are this error's own fields (`cause` is not enumerable).
    return new AssetDropError(this.code, { ...this, cause: this.cause, ...changes })
  }
}

/** Whether `value` is an {@link AssetDropError}, also across bundle copies (matched by name). */
export function isAssetDropError(value: unknown): value is AssetDropError {
  return (
    value instanceof AssetDropError ||
    (value instanceof Error &&
      value.name === 'AssetDropError' &&
      typeof (value as { code?: unknown }).code === 'string')
  )
}

/** Whether the browser says it is offline (never outside a browser). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

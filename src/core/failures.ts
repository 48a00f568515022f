import { AssetDropError, isAssetDropError } from './errors'
import { errorFromResponse, responseFromXhr } from './http'

/** Failures found before a request was sent, by the request they stopped. */
const failuresBeforeSend = new WeakMap<object, AssetDropError>()

/** Remembers why `request` was stopped before sending, for {@link toUploadError} to report. */
export function rememberFailureBeforeSend(request: object, error: AssetDropError): void {
  failuresBeforeSend.set(request, error)
}

/** Requests whose whole body was sent to a host where repeating them is not safe. */
const unsafeRequestsSent = new WeakSet<object>()

/**
 * Remembers that all of `request`'s body was sent and that repeating it could store the file
 * twice: if the connection then fails, the error is `unconfirmed` and not retried.
 */
export function rememberUnsafeBodySent(request: object): void {
  unsafeRequestsSent.add(request)
}

/** Aborts the attempt in flight for an Uppy file, failing it with `error`; `false` if none is. */
export type AttemptAborter = (uppyFileId: string, error: AssetDropError) => boolean

const aborters = new WeakMap<object, AttemptAborter>()

/** Registers how attempts of one Uppy instance's uploader are aborted (for stalls). */
export function registerAttemptAborter(uppy: object, aborter: AttemptAborter): void {
  aborters.set(uppy, aborter)
}

/** Aborts the attempt in flight for an Uppy file, if its uploader can; `false` if not. */
export function abortAttempt(uppy: object, uppyFileId: string, error: AssetDropError): boolean {
  return aborters.get(uppy)?.(uppyFileId, error) ?? false
}

/** The typed error for `request` stopped before sending, if it was. */
export function failureBeforeSend(request: object): AssetDropError | undefined {
  return failuresBeforeSend.get(request)
}

/**
 * The typed error for whatever an Uppy uploader reported: our own errors as they are (without
 * the request Uppy attaches to them), a failure found before sending, an abort, or a network
 * failure.
 */
export function toUploadError(error: unknown, fileId: string): AssetDropError {
  if (isAssetDropError(error)) return error.withFile(fileId)
  const request = isObject(error) && isObject(error.request) ? error.request : undefined
  const before = request ? failuresBeforeSend.get(request) : undefined
  if (before) {
    // A request stopped after its whole body went (a stall) may have been stored all the same.
    const unconfirmed =
      before.unconfirmed || (request !== undefined && unsafeRequestsSent.has(request))
    return before.with({ fileId, unconfirmed })
  }
  if (isObject(error) && error.name === 'AbortError') {
    return new AssetDropError('aborted', { fileId, cause: error })
  }
  // Uppy's fetcher rejects with the request it made: read the server's answer from it.
  if (
    typeof XMLHttpRequest !== 'undefined' &&
    request instanceof XMLHttpRequest &&
    request.status > 0
  ) {
    return errorFromResponse(responseFromXhr(request)).withFile(fileId)
  }
  return new AssetDropError('network', {
    fileId,
    cause: error,
    unconfirmed: request !== undefined && unsafeRequestsSent.has(request),
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

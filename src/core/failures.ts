import { AssetDropError, isAssetDropError } from './errors'
import { errorFromResponse, responseFromXhr } from './http'

/** Failures found before a request was sent, by the request they stopped. */
const failuresBeforeSend = new WeakMap<object, AssetDropError>()

/** Remembers why `request` was stopped before sending, for {@link toUploadError} to report. */
export function rememberFailureBeforeSend(request: object, error: AssetDropError): void {
  failuresBeforeSend.set(request, error)
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
  if (before) return before.withFile(fileId)
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
  return new AssetDropError('network', { fileId, cause: error })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

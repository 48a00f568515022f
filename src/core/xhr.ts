import XHRUpload from '@uppy/xhr-upload'
import type { FileInfo } from './asset'
import { AssetDropError, isAssetDropError, isOffline } from './errors'
import {
  registerAttemptAborter,
  rememberFailureBeforeSend,
  rememberUnsafeBodySent,
} from './failures'
import { responseFromXhr } from './http'
import { redact, secretsOf } from './secrets'
import {
  type AssetBody,
  type AssetMeta,
  type AssetUppy,
  type HeadersOption,
  resolveHeaders,
  type UploadStrategy,
} from './strategy'
import { fileInfo } from './uppyFile'

/** How an XHR-based strategy shapes its requests. */
export interface XhrRequestOptions {
  /** The URL to send each file to, or a function choosing it per file. */
  readonly endpoint: string | ((file: FileInfo) => string | Promise<string>)
  /** The HTTP method. */
  readonly method: 'POST' | 'PUT'
  /** Whether the file goes as a multipart form (`true`) or as the whole body (`false`). */
  readonly formData: boolean
  /** The form field holding the file, for multipart forms. */
  readonly fieldName?: string | undefined
  /** Other form fields, by name: a fixed value, or a function of the file. */
  readonly fields?: Readonly<Record<string, string | ((file: FileInfo) => string)>> | undefined
  /** Headers for every request; a function is asked again before every attempt. */
  readonly headers?: HeadersOption | undefined
  /** How many files upload at once. */
  readonly concurrency?: number | undefined
}

/**
 * Installs `@uppy/xhr-upload` for `strategy`: per-request headers (async getters included),
 * attempts the uploader can abort when they stall, failures marked `unconfirmed` where a POST's
 * body was sent but no answer came, and the strategy's own mapping of answers to asset records
 * and of failures to typed errors.
 */
export function installXhrUpload(
  uppy: AssetUppy,
  strategy: Pick<UploadStrategy, 'toAsset' | 'toError'>,
  options: XhrRequestOptions,
): void {
  const filesByRequest = new WeakMap<XMLHttpRequest, FileInfo>()
  const secretsByRequest = new WeakMap<XMLHttpRequest, string[]>()
  const fields = Object.entries(options.fields ?? {})

  if (fields.length > 0) {
    // xhr-upload builds the form from each file's metadata, so the fields go there, for the
    // files about to upload, in one state update (one per file would copy Uppy's file map each time).
    uppy.addPreProcessor(async (fileIds) => {
      const patch: Record<string, { meta: AssetMeta }> = {}
      for (const id of fileIds) {
        const file = uppy.getFile(id)
        if (!file) continue
        const info = fileInfo(file)
        const values = fields.map(([name, value]) => [
          name,
          typeof value === 'function' ? value(info) : value,
        ])
        patch[id] = { meta: { ...file.meta, ...Object.fromEntries(values) } }
      }
      uppy.patchFilesState(patch)
    })
  }

  /** Why choosing the endpoint failed, by Uppy file id, for the request to report. */
  const endpointFailures = new Map<string, AssetDropError>()
  /** The request in flight, by Uppy file id. */
  const inFlight = new Map<string, XMLHttpRequest>()
  /** A PUT to one URL stores the same object however often it is sent; a POST may not. */
  const replaySafe = options.method === 'PUT'

  registerAttemptAborter(uppy, (uppyFileId, error) => {
    const xhr = inFlight.get(uppyFileId)
    if (!xhr) return false
    inFlight.delete(uppyFileId)
    rememberFailureBeforeSend(xhr, error)
    xhr.abort()
    // Uppy's request helper listens for errors, not aborts: fail the request as the network would.
    xhr.dispatchEvent(new ProgressEvent('error'))
    return true
  })

  uppy.use(AssetXhrUpload, {
    endpoint:
      typeof options.endpoint === 'string'
        ? options.endpoint
        : async (files) => {
            const file = single(files)
            const endpoint = options.endpoint as (file: FileInfo) => string | Promise<string>
            try {
              return await endpoint(fileInfo(file))
            } catch (cause) {
              // xhr-upload drops a failure here without a word; report it through the request.
              endpointFailures.set(
                file.id,
                isAssetDropError(cause) ? cause : new AssetDropError('network', { cause }),
              )
              return 'data:,'
            }
          },
    method: options.method,
    formData: options.formData,
    fieldName: options.fieldName ?? 'file',
    allowedMetaFields: fields.map(([name]) => name),
    limit: options.concurrency ?? 6,
    async onBeforeRequest(xhr, _retryCount, files) {
      const uppyFile = single(files)
      const file = fileInfo(uppyFile)
      filesByRequest.set(xhr, file)
      inFlight.set(uppyFile.id, xhr)
      xhr.addEventListener('loadend', () => {
        if (inFlight.get(uppyFile.id) === xhr) inFlight.delete(uppyFile.id)
      })
      if (!replaySafe) xhr.upload.addEventListener('load', () => rememberUnsafeBodySent(xhr))
      const failure = endpointFailures.get(uppyFile.id)
      if (failure) {
        endpointFailures.delete(uppyFile.id)
        return failBeforeSend(xhr, failure)
      }
      // Offline, the request is not sent at all; the uploader waits for the connection.
      if (isOffline()) return failBeforeSend(xhr, new AssetDropError('network'))
      try {
        const headers = await resolveHeaders(options.headers, file)
        for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
        secretsByRequest.set(xhr, secretsOf(headers))
      } catch (cause) {
        failBeforeSend(
          xhr,
          isAssetDropError(cause) ? cause : new AssetDropError('unauthorized', { cause }),
        )
      }
    },
    // The uploader retries, with one policy for every strategy; Uppy's helper never does.
    shouldRetry: () => false,
    // Stalls are the uploader's to detect; Uppy's own timer only warns.
    timeout: 0,
    onAfterResponse(xhr) {
      if (xhr.status >= 200 && xhr.status < 300) return
      const secrets = [...(secretsByRequest.get(xhr) ?? []), ...secretsOf({}, xhr.responseURL)]
      throw redact(strategy.toError(responseFromXhr(xhr)), secrets)
    },
    async getResponseData(xhr) {
      const file = filesByRequest.get(xhr)
      const response = responseFromXhr(xhr)
      if (!file) throw new AssetDropError('bad-response', { status: response.status })
      try {
        return { asset: await strategy.toAsset(response, file) }
      } catch (cause) {
        if (isAssetDropError(cause)) throw cause
        throw new AssetDropError('bad-response', { status: response.status, cause })
      }
    },
  })
}

type FormDataArguments = Parameters<XHRUpload<AssetMeta, AssetBody>['createFormDataUpload']>

/**
 * `@uppy/xhr-upload` minus one copy per file: to give the form part the type Uppy detected, it
 * slices every file into a new Blob, which the browser registers like any other (about a
 * millisecond each). assetdrop's files already carry their checked type, unless the browser
 * gave them none, so they go into the form as they are.
 */
class AssetXhrUpload extends XHRUpload<AssetMeta, AssetBody> {
  override createFormDataUpload(...[file, opts]: FormDataArguments): FormData {
    const { data } = file
    if (!data || data.type !== file.meta.type || !file.name)
      return super.createFormDataUpload(file, opts)
    const form = new FormData()
    this.addMetadata(form, file.meta, opts)
    form.append(opts.fieldName ?? 'file', data, file.meta.name)
    return form
  }
}

/**
 * Fails `xhr` without sending it. Uppy awaits `onBeforeRequest` inside a promise executor, where a
 * throw would leave the upload hanging forever, so the request fails as if the network had.
 */
function failBeforeSend(xhr: XMLHttpRequest, error: AssetDropError): void {
  rememberFailureBeforeSend(xhr, error)
  Object.defineProperty(xhr, 'send', {
    value: () => queueMicrotask(() => xhr.dispatchEvent(new ProgressEvent('error'))),
  })
}

function single<T>(files: T | readonly T[]): T {
  const file = Array.isArray(files) ? files[0] : files
  if (file === undefined) throw new TypeError('assetdrop uploads one file per request')
  return file as T
}

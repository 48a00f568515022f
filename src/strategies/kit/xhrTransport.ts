import XHRUpload from '@uppy/xhr-upload'
import type { FileInfo } from '../../core/asset'
import { AssetDropError, isAssetDropError } from '../../core/errors'
import {
  errorFromResponse,
  redactResponse,
  responseFromXhr,
  type ServerResponse,
} from '../../core/http'
import { secretsOf } from '../../core/secrets'
import {
  type AttemptContext,
  type HeadersOption,
  type InstalledStrategy,
  resolveHeaders,
} from '../../core/strategy'
import type { AssetBody, AssetMeta, AssetUppy, AssetUppyFile } from '../../core/uppy/types'

/** Where one attempt's request goes, with which headers and form fields. */
export interface XhrRequest {
  /** The URL the file is sent to. */
  readonly url: string
  /** The request's headers. */
  readonly headers: Readonly<Record<string, string>>
  /** The form fields sent before the file, for multipart forms. */
  readonly fields?: Readonly<Record<string, string>> | undefined
}

/** How an XHR-based strategy shapes its requests. */
export interface XhrTransportOptions {
  /** Where and how each attempt's request goes; asked once per attempt, before any byte is sent. */
  readonly request: (file: FileInfo, context: AttemptContext) => Promise<XhrRequest>
  /** The HTTP method. */
  readonly method: 'POST' | 'PUT'
  /** Whether the file goes as a multipart form (`true`) or as the whole body (`false`). */
  readonly formData: boolean
  /** The form field holding the file, for multipart forms. */
  readonly fieldName?: string | undefined
  /** How many files upload at once. */
  readonly concurrency?: number | undefined
  /** The typed error for a failed answer. */
  readonly toError?: ((response: ServerResponse) => AssetDropError) | undefined
}

/** The steps an XHR transport takes care of; the strategy adds `toAsset`. */
export type XhrTransport = Required<
  Pick<InstalledStrategy, 'prepare' | 'release' | 'uninstall' | 'replaySafe'>
>

/** Form fields by name: a fixed value, or a function of the file (`undefined` sends no field). */
export type FieldsOption = Readonly<
  Record<string, string | ((file: FileInfo) => string | undefined)>
>

/**
 * The usual `request`: a fixed endpoint or one chosen per file, headers as given (a function is
 * asked before every attempt), and form fields. A headers function that fails (a token that
 * can't be had) fails the attempt as `unauthorized`.
 */
export function endpointRequest(options: {
  readonly endpoint: string | ((file: FileInfo) => string | Promise<string>)
  readonly headers?: HeadersOption | undefined
  readonly fields?: FieldsOption | undefined
}): XhrTransportOptions['request'] {
  const fields = Object.entries(options.fields ?? {})
  return async (file) => ({
    url: typeof options.endpoint === 'string' ? options.endpoint : await options.endpoint(file),
    headers: await resolveHeaders(options.headers, file).catch((cause: unknown) => {
      throw isAssetDropError(cause) ? cause : new AssetDropError('unauthorized', { cause })
    }),
    ...(fields.length > 0 && {
      fields: Object.fromEntries(
        fields.flatMap(([name, value]) => {
          const text = typeof value === 'function' ? value(file) : value
          return text === undefined ? [] : [[name, text]]
        }),
      ),
    }),
  })
}

let transports = 0

/**
 * Installs `@uppy/xhr-upload` for one uploader. Each attempt's request (URL, headers, fields) is
 * prepared before Uppy sends anything, so a failure there is the attempt's own, with nothing
 * sent; the plugin only sends, and never retries (the uploader does, with one policy). A failed
 * answer becomes the strategy's typed error, with the request's credentials blanked out of it.
 */
export function installXhrTransport(uppy: AssetUppy, options: XhrTransportOptions): XhrTransport {
  /** Each file's prepared request, for its current attempt. */
  const prepared = new Map<string, XhrRequest>()
  /** Where each request went and the credentials it carried, to blank out of what it answers. */
  const requests = new WeakMap<XMLHttpRequest, { url: string; secrets: string[] }>()
  const toError = options.toError ?? errorFromResponse
  const id = `assetdrop:XHRUpload:${++transports}`

  const requestOf = (file: { id: string }): XhrRequest => {
    const request = prepared.get(file.id)
    if (!request) throw new TypeError(`No request was prepared for ${file.id}`)
    return request
  }

  /**
   * `@uppy/xhr-upload` with the form built from the prepared fields, and without one copy per
   * file: to give the form part the type Uppy detected, the plugin slices every file into a new
   * Blob, which the browser registers like any other (about a millisecond each). assetdrop's
   * files already carry their checked type, unless the browser gave them none.
   */
  class AssetXhrUpload extends XHRUpload<AssetMeta, AssetBody> {
    override createFormDataUpload(file: AssetUppyFile): FormData {
      const form = new FormData()
      for (const [name, value] of Object.entries(requestOf(file).fields ?? {})) {
        form.append(name, value)
      }
      const data = file.data as Blob
      const typed =
        data.type === file.meta.type || !file.meta.type
          ? data
          : data.slice(0, data.size, file.meta.type)
      form.append(options.fieldName ?? 'file', typed, file.meta.name)
      return form
    }
  }

  uppy.use(AssetXhrUpload, {
    id,
    endpoint: (file) => requestOf(single(file)).url,
    method: options.method,
    formData: options.formData,
    fieldName: options.fieldName ?? 'file',
    allowedMetaFields: [],
    limit: options.concurrency ?? 6,
    onBeforeRequest(xhr, _retryCount, files) {
      const file = single(files)
      // Until now the file waited for a free slot; from here on, silence may be a stall.
      uppy.emit('assetdrop:request-started', uppy.getFile(file.id))
      const { headers, url } = requestOf(file)
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
      requests.set(xhr, { url, secrets: secretsOf(headers, url) })
    },
    // The uploader retries, with one policy for every strategy; Uppy's helper never does.
    shouldRetry: () => false,
    // Stalls are the uploader's to detect; Uppy's own timer only warns.
    timeout: 0,
    onAfterResponse(xhr) {
      const request = requests.get(xhr)
      // A redirect to another origin already took the request's headers there; its answer is
      // not used, and the attempt fails rather than trusting it.
      if (request && xhr.responseURL && originOf(xhr.responseURL) !== originOf(request.url)) {
        throw new AssetDropError('redirected', { status: xhr.status })
      }
      if (xhr.status >= 200 && xhr.status < 300) return
      const carried = [...(request?.secrets ?? []), ...secretsOf({}, xhr.responseURL)]
      throw toError(redactResponse(responseFromXhr(xhr), carried))
    },
    getResponseData: (xhr) => ({ answer: responseFromXhr(xhr) }),
  })

  return {
    replaySafe: options.method === 'PUT',
    async prepare(file, context) {
      prepared.set(file.id, await options.request(file, context))
    },
    release(fileId) {
      prepared.delete(fileId)
    },
    uninstall() {
      const plugin = uppy.getPlugin(id)
      if (plugin) uppy.removePlugin(plugin)
      prepared.clear()
    },
  }
}

/** The origin of `url` (relative to the page), or `''` when it is not a URL. */
export function originOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).origin
  } catch {
    return ''
  }
}

function single<T>(files: T | readonly T[]): T {
  const file = Array.isArray(files) ? files[0] : files
  if (file === undefined) throw new TypeError('assetdrop uploads one file per request')
  return file as T
}

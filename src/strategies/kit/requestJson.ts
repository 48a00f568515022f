import { AssetDropError, isAssetDropError, isOffline } from '../../core/errors'
import {
  errorFromResponse,
  maxAnswerLength,
  parseJson,
  parseRetryAfter,
  type ServerResponse,
  withoutQuery,
} from '../../core/http'
import { secretsOf } from '../../core/secrets'

/** A JSON request an app's API answers, such as asking for an upload URL. */
export interface JsonRequest {
  /** The URL to send the request to. */
  readonly url: string
  /**
   * The HTTP method.
   * @default 'POST'
   */
  readonly method?: string
  /** Request headers, such as the API's credentials. */
  readonly headers?: Readonly<Record<string, string>>
  /** The body, sent as JSON. */
  readonly body?: unknown
  /** Aborts the request; its reason, when it is an `AssetDropError`, is the failure thrown. */
  readonly signal?: AbortSignal
  /**
   * Milliseconds to wait for the answer before giving up with `timeout`.
   * @default 30000
   */
  readonly timeout?: number
}

/**
 * Sends a JSON request and returns the answer; a failure becomes an {@link AssetDropError} with
 * the server's code and message, with the request's credentials blanked out of it.
 */
export async function requestJson(request: JsonRequest): Promise<ServerResponse> {
  // Offline, nothing can be sent: say so without trying (and without doubt about the effect).
  if (isOffline()) throw new AssetDropError('network')
  let response: Response
  const secrets = secretsOf(request.headers ?? {})
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers: {
        accept: 'application/json',
        ...(request.body !== undefined && { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      // A request carrying credentials follows no redirect: the browser would send its headers to
      // wherever the redirect points, another origin included.
      ...(secrets.length > 0 && { redirect: 'manual' as const }),
      signal: AbortSignal.any([
        AbortSignal.timeout(request.timeout ?? 30_000),
        ...(request.signal ? [request.signal] : []),
      ]),
    })
  } catch (cause) {
    // Aborted by the caller: its reason, when it is a typed error (such as a stall), is the failure.
    if (request.signal?.aborted) {
      const reason: unknown = request.signal.reason
      throw isAssetDropError(reason) ? reason : new AssetDropError('aborted', { cause })
    }
    const name = cause instanceof DOMException ? cause.name : ''
    if (name === 'AbortError') throw new AssetDropError('aborted', { cause })
    // fetch can't tell whether the request reached the server before it failed.
    throw new AssetDropError(name === 'TimeoutError' ? 'timeout' : 'network', {
      cause,
      unconfirmed: !isOffline(),
    })
  }
  // Browsers hide a redirect not followed (`opaqueredirect`); other runtimes show the 3xx itself.
  if (
    response.type === 'opaqueredirect' ||
    (secrets.length > 0 && response.status >= 300 && response.status < 400)
  ) {
    throw new AssetDropError('redirected', { status: response.status || undefined })
  }
  const text = await readText(response, maxAnswerLength + 1)
  const answer: ServerResponse = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: parseJson(text),
    url: withoutQuery(response.url),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  }
  if (!response.ok) throw errorFromResponse(answer, secretsOf(request.headers ?? {}, request.url))
  return answer
}

/** The body as text, reading no more than `limit` characters' worth of bytes of a huge answer. */
async function readText(response: Response, limit: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return text + decoder.decode()
      text += decoder.decode(value, { stream: true })
      if (text.length >= limit) {
        void reader.cancel().catch(() => {})
        return text
      }
    }
  } catch (cause) {
    throw new AssetDropError('network', { status: response.status, cause })
  }
}

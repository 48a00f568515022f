import { AssetDropError } from './errors'
import { errorFromResponse, parseJson, type ServerResponse, withoutQuery } from './http'
import { redact, secretsOf } from './secrets'

/** A JSON request an app's API answers, such as asking for an upload URL. */
export interface JsonRequest {
  readonly url: string
  /** @default 'POST' */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  /** The body, sent as JSON. */
  readonly body?: unknown
  readonly signal?: AbortSignal
}

/**
 * Sends a JSON request and returns the answer; a failure becomes an {@link AssetDropError} with
 * the server's code and message, with the request's credentials blanked out of it.
 */
export async function requestJson(request: JsonRequest): Promise<ServerResponse> {
  let response: Response
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers: {
        accept: 'application/json',
        ...(request.body !== undefined && { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      ...(request.signal && { signal: request.signal }),
    })
  } catch (cause) {
    const aborted = cause instanceof DOMException && cause.name === 'AbortError'
    throw new AssetDropError(aborted ? 'aborted' : 'network', { cause })
  }
  const text = await response.text()
  const answer: ServerResponse = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: parseJson(text),
    url: withoutQuery(response.url),
  }
  if (!response.ok)
    throw redact(errorFromResponse(answer), secretsOf(request.headers ?? {}, request.url))
  return answer
}

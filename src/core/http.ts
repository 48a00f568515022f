import { AssetDropError, type AssetDropErrorCode } from './errors'
import { redactText } from './secrets'

/** A server's answer as a strategy sees it, independent of how it was fetched. */
export interface ServerResponse {
  /** The HTTP status; 0 when no answer arrived. */
  readonly status: number
  /** The value of the `Content-Type` header, or an empty string. */
  readonly contentType: string
  /** The body as text. */
  readonly text: string
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown
  /** The URL that answered, without its query string (which may hold a signature). */
  readonly url: string
  /** The wait the server asked for before another try, in milliseconds (`Retry-After`). */
  readonly retryAfter?: number | undefined
  /** The `Location` header of a successful answer (where the created asset is), when readable. */
  readonly location?: string | undefined
}

/** The longest answer read as JSON; a longer one is no answer assetdrop could use. */
export const maxAnswerLength = 1024 * 1024

/** The longest server message an error keeps; longer ones are cut. */
const maxServerMessageLength = 300

/** Reads an XMLHttpRequest's answer into a {@link ServerResponse}. */
export function responseFromXhr(xhr: XMLHttpRequest): ServerResponse {
  const text = typeof xhr.response === 'string' ? xhr.response : xhr.responseText
  return {
    status: xhr.status,
    contentType: xhr.getResponseHeader('content-type') ?? '',
    text: text.length > maxAnswerLength ? text.slice(0, maxAnswerLength) : text,
    json: text.length > maxAnswerLength ? undefined : parseJson(text),
    url: withoutQuery(xhr.responseURL),
    // Only where it means something: for a CORS answer that does not expose the header, every
    // read logs an error in the console.
    retryAfter:
      xhr.status === 429 || xhr.status >= 500
        ? parseRetryAfter(xhr.getResponseHeader('retry-after'))
        : undefined,
    location:
      xhr.status >= 200 && xhr.status < 300 && exposes(xhr, 'location')
        ? (xhr.getResponseHeader('location') ?? undefined)
        : undefined,
  }
}

/**
 * Whether the answer lets a script read `header`: same-origin answers do, cross-origin ones only
 * when they list it in `Access-Control-Expose-Headers` (reading one that is not logs an error).
 */
function exposes(xhr: XMLHttpRequest, header: string): boolean {
  return new RegExp(`^${header}:`, 'im').test(xhr.getAllResponseHeaders())
}

/**
 * A `Retry-After` value (seconds, or an HTTP date) in milliseconds from now; `undefined` when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date has a time of day; without one (`1.5`, `soon`) it is no date, whatever
  // `Date.parse` makes of it.
  const date = /\d\d:\d\d:\d\d/.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** `text` parsed as JSON, or `undefined` when it is empty, too long or not JSON. */
export function parseJson(text: string): unknown {
  if (text.length > maxAnswerLength) return undefined
  const trimmed = text.trim()
  if (trimmed === '' || !/^[[{"]/.test(trimmed)) return undefined
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return undefined
  }
}

/** The stable code for an HTTP status; `undefined` for 2xx. */
export function codeForStatus(status: number): AssetDropErrorCode | undefined {
  if (status >= 200 && status < 300) return undefined
  if (status === 0) return 'network'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 408) return 'timeout'
  // Payload Too Large: the server's own size limit, which the end user can act on.
  if (status === 413) return 'file-too-large'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  return 'rejected'
}

/**
 * `response` with every echo of `secrets` blanked out of its text (and its JSON read again from
 * that text), so nothing derived from it (message, code, record) can carry them.
 */
export function redactResponse(
  response: ServerResponse,
  secrets: readonly string[],
): ServerResponse {
  if (secrets.length === 0) return response
  const text = redactText(response.text, secrets)
  const parsed =
    text === response.text || response.json === undefined ? response.json : parseJson(text)
  // Read from the text, a JSON string's escapes are decoded once more (`\\u0041` becomes
  // `\u0041`): blank what that reveals too.
  const json = redactStrings(parsed, secrets)
  return text === response.text && json === response.json ? response : { ...response, text, json }
}

/**
 * `value` with `secrets` blanked out of every string in it; the same value when none was. What
 * lies deeper than any real answer nests (a hostile one under the parse limit can nest 500,000
 * levels, past the call stack) is dropped rather than walked.
 */
function redactStrings(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (depth > 64) return undefined
  if (Array.isArray(value)) {
    const items = value.map((item) => redactStrings(item, secrets, depth + 1))
    return items.some((item, i) => item !== value[i]) ? items : value
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => [
      key,
      redactStrings(item, secrets, depth + 1),
    ])
    return entries.some(([key, item]) => item !== value[key as string])
      ? Object.fromEntries(entries)
      : value
  }
  return value
}

/**
 * The typed error for a failed answer: its code from the status, and the server's own message
 * from the common error shapes (problem objects, `{error}`, `{message}`, S3 XML, plain text).
 * The credentials the request carried (`secrets`) are blanked out first, then the text is
 * cleaned and cut, so no part of one survives a cut.
 */
export function errorFromResponse(
  answer: ServerResponse,
  secrets: readonly string[] = [],
): AssetDropError {
  const response = redactResponse(answer, secrets)
  const code = serverCodeOf(response)
  const serverCode = code === undefined ? undefined : clean(code)?.slice(0, 100)
  const serverMessage = serverMessageOf(response)
  return new AssetDropError(
    storageCode(serverCode, serverMessage) ?? codeForStatus(response.status) ?? 'bad-response',
    {
      status: response.status,
      serverMessage,
      serverCode,
      retryAfter: response.retryAfter,
    },
  )
}

/** Codes of object stores (S3, GCS, R2, MinIO) that mean the signed URL itself is at fault. */
function storageCode(serverCode: string | undefined, message: string | undefined) {
  if (serverCode === 'SignatureDoesNotMatch') return 'signature-mismatch'
  if (serverCode === 'ExpiredToken' || serverCode === 'TokenExpired') return 'url-expired'
  // S3 answers an expired presigned URL with 403 AccessDenied; only the message tells.
  if (serverCode === 'AccessDenied' && message && /request has expired/i.test(message))
    return 'url-expired'
  return undefined
}

/** The server's own error code: S3 XML `<Code>`, a problem object's `errorCode`, or `{error: {code}}`. */
export function serverCodeOf(response: ServerResponse): string | undefined {
  const json = response.json
  if (isRecord(json)) {
    if (typeof json.errorCode === 'string') return json.errorCode
    if (typeof json.code === 'string') return json.code
    if (isRecord(json.error) && typeof json.error.code === 'string') return json.error.code
    return undefined
  }
  return /<Code>([\w.-]{1,100})<\/Code>/.exec(response.text)?.[1]
}

/** The server's own explanation in an answer, when it gave one. */
export function serverMessageOf(response: ServerResponse): string | undefined {
  const fromJson = messageFromJson(response.json)
  if (fromJson) return clean(fromJson)
  // JSON without a message field says nothing a person should read.
  if (response.json !== undefined) return undefined
  const { text, contentType } = response
  const xmlMessage = /<Message>([^<]{1,2000})<\/Message>/.exec(text)?.[1]
  if (xmlMessage) return clean(xmlMessage)
  if (/html/i.test(contentType) || /^\s*</.test(text)) return undefined
  return text.trim() ? clean(text) : undefined
}

function messageFromJson(json: unknown): string | undefined {
  if (typeof json === 'string') return json
  if (!isRecord(json)) return undefined
  for (const field of ['detail', 'message', 'error_description', 'error', 'title'] as const) {
    const value = json[field]
    if (typeof value === 'string' && value.trim()) return value
    if (isRecord(value) && typeof value.message === 'string') return value.message
  }
  const errors = json.errors
  if (Array.isArray(errors) && errors.length > 0) {
    const first: unknown = errors[0]
    if (typeof first === 'string') return first
    if (isRecord(first) && typeof first.message === 'string') return first.message
  }
  // Messages by field, as Rails answers: `{ errors: { title: ["can't be blank"] } }`. A message
  // that starts in lower case goes on from the field's name; one in upper case is whole.
  if (isRecord(errors)) {
    const [field, messages] = Object.entries(errors)[0] ?? []
    const first: unknown = Array.isArray(messages) ? messages[0] : messages
    if (typeof first === 'string') return /^\p{Lu}/u.test(first) ? first : `${field} ${first}`
  }
  return undefined
}

/**
 * Plain text of at most {@link maxServerMessageLength} characters, without markup, controls or
 * URLs (absolute, protocol-relative, or a path of two or more segments, as a server echoes the
 * request's).
 */
function clean(message: string): string | undefined {
  const text = message
    .replace(/<[^>]*>/g, '')
    .replace(/(?:[a-z][\w+.-]*:)?\/\/[^\s"'<>]+/gi, '[url]')
    .replace(/(?:^|(?<=[\s"'(=:]))\/[^\s"'<>/]+\/[^\s"'<>]*/g, '[url]')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!text) return undefined
  return text.length > maxServerMessageLength
    ? `${text.slice(0, maxServerMessageLength - 1)}…`
    : text
}

/** `url` without its query string and fragment, which may carry signatures or tokens. */
export function withoutQuery(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

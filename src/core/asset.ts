import { nameProblem } from './validation/names'

/** The backend style that produced an asset record. */
export type StrategyName =
  | 'multipart-form'
  | 'presigned-put'
  | 'raw-body'
  | 'image-only'
  | 'register-by-reference'

/** Who may read an asset, where the server says. */
export type AssetAccess = 'public' | 'private'

/**
 * The one normalized result of a successful upload, whatever the server answered. Every URL in
 * it is http or https; any other scheme a server sends is dropped.
 */
export interface AssetRecord {
  /** The server's id for the asset (its key when it has no other id). */
  readonly id: string
  /** The original file name. */
  readonly name: string
  /** The MIME type of the stored file. */
  readonly mimeType: string
  /** The size of the stored file in bytes. */
  readonly size: number
  /** Where the asset can be fetched, when the server says (http or https only). */
  readonly url?: string
  /** The storage key, when the server gives one. */
  readonly key?: string
  /** Sized preview URLs by size name (such as `thumb` or `large`), when the server gives them. */
  readonly previews: Readonly<Record<string, string>>
  /** The width in pixels, when known. */
  readonly width?: number
  /** The height in pixels, when known. */
  readonly height?: number
  /** The duration in seconds, when known. */
  readonly duration?: number
  /** Who may read the asset, when known. */
  readonly access?: AssetAccess
  /** When the server created the asset, as an ISO 8601 string, when known. */
  readonly createdAt?: string
  /** The backend style that produced the record. */
  readonly strategy: StrategyName
  /** The id of the widget's file this record came from. */
  readonly fileId: string
  /** The file's path inside the folder it came in, when it came in one. */
  readonly relativePath?: string
  /** The server's answer as received. */
  readonly response: unknown
}

/** What a strategy knows of the file it uploaded, used to fill gaps in the server's answer. */
export interface FileInfo {
  /** The widget's id for the file. */
  readonly id: string
  /** The file's name. */
  readonly name: string
  /** The file's MIME type as the browser reported it (may be empty). */
  readonly type: string
  /** The file's size in bytes. */
  readonly size: number
  /** Metadata for the server, such as a title the end user typed, when the strategy uses any. */
  readonly meta?: Readonly<Record<string, string | readonly string[]>>
  /** The file's path inside the folder it was dropped or chosen in (`photos/2026/a.png`), if any. */
  readonly relativePath?: string
}

/**
 * `value` as an absolute http(s) URL, resolved against `base` when relative, without any user
 * name or password in it; `undefined` for any other scheme (`javascript:`, `data:`, …), a
 * non-string, or something that is not a URL.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  let url: URL
  try {
    url = base ? new URL(value, base) : new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  // A user name or password in a URL is a credential: it is never shown, linked or fetched.
  url.username = url.password = ''
  return url.href
}

/** The fields a strategy's mapper reads from a server's answer. */
export interface AssetFields {
  id?: unknown
  name?: unknown
  mimeType?: unknown
  size?: unknown
  url?: unknown
  key?: unknown
  previews?: Readonly<Record<string, unknown>>
  width?: unknown
  height?: unknown
  duration?: unknown
  access?: AssetAccess | undefined
  createdAt?: unknown
}

/** Where a record came from: the strategy, the file, the answer and the URL it answered at. */
export interface AssetSource {
  readonly strategy: StrategyName
  readonly file: FileInfo
  readonly response: unknown
  /** The URL the answer came from; relative URLs in the answer are resolved against it. */
  readonly baseUrl?: string | undefined
}

/**
 * Builds an {@link AssetRecord} from loosely typed fields: drops unsafe URLs, ignores values of
 * the wrong type and falls back to the file's own name, type and size.
 */
export function toAssetRecord(fields: AssetFields, source: AssetSource): AssetRecord {
  const { file, baseUrl } = source
  const key = nonEmptyString(fields.key)
  const id = nonEmptyString(fields.id) ?? (typeof fields.id === 'number' ? String(fields.id) : key)
  if (id === undefined) {
    throw new TypeError('The answer has no asset id or key')
  }
  const previews: Record<string, string> = {}
  for (const [size, value] of Object.entries(fields.previews ?? {})) {
    const url = safeUrl(value, baseUrl)
    if (url) previews[size] = url
  }
  const url = safeUrl(fields.url, baseUrl)
  const width = positiveNumber(fields.width)
  const height = positiveNumber(fields.height)
  const duration = positiveNumber(fields.duration)
  const createdAt = isoDate(fields.createdAt)
  return {
    id,
    // A name the checks would refuse (control or bidi characters that can disguise an extension,
    // a slash) is not shown: the file's own name, which passed them, is.
    name: nameOf(fields.name) ?? file.name,
    mimeType: nonEmptyString(fields.mimeType) ?? (file.type || 'application/octet-stream'),
    size: nonNegativeInteger(fields.size) ?? file.size,
    ...(url !== undefined && { url }),
    ...(key !== undefined && { key }),
    previews,
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
    ...(duration !== undefined && { duration }),
    ...(fields.access !== undefined && { access: fields.access }),
    ...(createdAt !== undefined && { createdAt }),
    strategy: source.strategy,
    fileId: file.id,
    ...(file.relativePath !== undefined && { relativePath: file.relativePath }),
    response: source.response,
  }
}

function nameOf(value: unknown): string | undefined {
  return typeof value === 'string' && !nameProblem(value) ? value : undefined
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/**
 * An ISO 8601 string from a date string or an epoch time (digits too), `undefined` if it is
 * neither. An epoch time under 10^11 is in seconds (as Unix times are): in milliseconds it would be
 * early 1973.
 */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined
  if (value === '') return undefined
  const epoch = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : undefined
  const date = new Date(epoch === undefined ? value : epoch < 1e11 ? epoch * 1000 : epoch)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

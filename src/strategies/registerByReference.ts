import type { AssetRecord, FileInfo } from '../core/asset'
import { toAssetRecord } from '../core/asset'
import { AssetDropError } from '../core/errors'
import { isRecord, type ServerResponse } from '../core/http'
import { type HeadersOption, type MetaField, resolveHeaders } from '../core/strategy'
import { requestJson } from './kit/requestJson'

/** Where the asset's media is: a key in the app's storage, or a URL to import from. */
export type AssetReference =
  | { readonly kind: 'storage-key'; readonly key: string; readonly filename: string }
  | { readonly kind: 'url'; readonly url: string; readonly filename: string }

/** The metadata of an asset to register, as the end user typed it. */
export type ReferenceMeta = Readonly<Record<string, string | readonly string[]>>

/** Options of {@link registerByReference}. */
export interface RegisterByReferenceOptions {
  /** The URL that creates the asset record. */
  readonly endpoint: string
  /** Request headers (such as an API key), or a (possibly async) function asked before every request. */
  readonly headers?: HeadersOption
  /**
   * Milliseconds to wait for the API's answer before failing with `timeout`.
   * @default 30000
   */
  readonly timeout?: number
  /**
   * The JSON body for a reference and its metadata.
   * @default `{ title, description, category, tags, external_id, media_type, s3: { s3_key, filename } }` or `url: { file_url, filename }`
   */
  readonly body?: (reference: AssetReference, meta: ReferenceMeta) => unknown
  /**
   * Maps the answer to an asset record.
   * @default reads `{ asset: { id, original_filename, created_date, … } }`
   */
  readonly toAsset?: (
    response: ServerResponse,
    file: FileInfo,
    reference: AssetReference,
  ) => AssetRecord
}

/** Registers assets by reference: a stored key after an upload, or a URL the end user pasted. */
export interface ReferenceRegistrar {
  /** Per-file metadata the end user edits before registering: title (required), description, category, tags. */
  readonly metaFields: readonly MetaField[]
  /**
   * Creates the asset record for `reference`; `file` describes what was uploaded or imported.
   * `signal` aborts the request (the uploader passes its own, for cancels and stalls).
   */
  register(
    reference: AssetReference,
    file: FileInfo,
    options?: { readonly signal?: AbortSignal | undefined },
  ): Promise<AssetRecord>
  /**
   * Imports an asset from a URL the end user pasted (the server fetches it). Only absolute http
   * and https URLs are sent (`url-invalid` otherwise); the title defaults to the URL's file name.
   */
  importUrl(input: {
    readonly url: string
    readonly filename?: string
    readonly meta?: ReferenceMeta
  }): Promise<AssetRecord>
}

/** The metadata document 003 takes per asset; the title starts as the file's name. */
export const referenceMetaFields: readonly MetaField[] = [
  {
    id: 'title',
    label: 'Title',
    required: true,
    initial: (file) => titleOf(file.name),
  },
  { id: 'description', label: 'Description' },
  { id: 'category', label: 'Category' },
  { id: 'tags', label: 'Tags', list: true },
]

let importCount = 0

/**
 * The register-by-reference backend style: a JSON request creates the asset record from a
 * storage key (after a presigned PUT to the app's bucket; pass `register` to `presignedPut`'s
 * `toAsset`) or from a URL. It sends no file bytes itself, so it is a registrar rather than an
 * Uppy uploader.
 */
export function registerByReference(options: RegisterByReferenceOptions): ReferenceRegistrar {
  if (!options.endpoint) throw new TypeError('registerByReference needs an `endpoint`')
  const registrar: ReferenceRegistrar = {
    metaFields: referenceMetaFields,
    async register(reference, file, { signal } = {}) {
      const response = await requestJson({
        url: options.endpoint,
        headers: await resolveHeaders(options.headers, file),
        body: (options.body ?? referenceBody)(reference, file.meta ?? {}),
        ...(options.timeout !== undefined && { timeout: options.timeout }),
        ...(signal && { signal }),
      })
      return (options.toAsset ?? referencedAssetRecord)(response, file, reference)
    },
    async importUrl({ url, filename, meta = {} }) {
      // The server creates the asset before it fetches the URL: a URL it can't fetch leaves a
      // half asset behind, so only absolute http(s) URLs are sent.
      let parsed: URL | undefined
      try {
        parsed = new URL(url)
      } catch {}
      if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
        throw new AssetDropError('url-invalid')
      }
      const last = safeFilename(parsed)
      const name = filename ?? (last || parsed.hostname)
      // As an upload's title starts as its file's name, an import's starts as the URL's.
      const typed = typeof meta.title === 'string' ? meta.title.trim() : ''
      const title = typed || (last ? titleOf(last) : parsed.hostname)
      const file: FileInfo = {
        id: `import-${++importCount}`,
        name,
        type: '',
        size: 0,
        meta: { ...meta, title },
      }
      return registrar.register({ kind: 'url', url, filename: name }, file)
    },
  }
  return registrar
}

/** Document 003's body: the metadata, then `s3: {s3_key, filename}` or `url: {file_url, filename}`. */
export function referenceBody(reference: AssetReference, meta: ReferenceMeta): unknown {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  const tags = Array.isArray(meta.tags)
    ? meta.tags
    : typeof meta.tags === 'string'
      ? meta.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean)
      : undefined
  return {
    title: text(meta.title),
    description: text(meta.description),
    category: text(meta.category),
    ...(tags && tags.length > 0 && { tags }),
    external_id: text(meta.external_id),
    media_type: text(meta.media_type),
    ...(reference.kind === 'storage-key'
      ? { s3: { s3_key: reference.key, filename: reference.filename } }
      : { url: { file_url: reference.url, filename: reference.filename } }),
  }
}

/** The record for document 003's `{asset: {...}}` answer. */
export function referencedAssetRecord(
  response: ServerResponse,
  file: FileInfo,
  reference: AssetReference,
): AssetRecord {
  const root = response.json
  const asset = isRecord(root) && isRecord(root.asset) ? root.asset : undefined
  if (!asset) throw new AssetDropError('bad-response', { status: response.status })
  try {
    return toAssetRecord(
      {
        id: asset.id,
        key: reference.kind === 'storage-key' ? reference.key : undefined,
        name: asset.original_filename ?? reference.filename,
        url: reference.kind === 'url' ? reference.url : undefined,
        createdAt: asset.created_date,
      },
      { strategy: 'register-by-reference', file, response: root, baseUrl: response.url },
    )
  } catch (cause) {
    throw new AssetDropError('bad-response', { status: response.status, cause })
  }
}

/** A title from a file name: the name without its extension. */
const titleOf = (name: string) => name.replace(/\.[^.]+$/, '') || name

/** The last segment of the URL's path, decoded. */
function safeFilename(url: URL): string {
  const segment = url.pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

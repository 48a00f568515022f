import {
  type AssetAccess,
  type AssetRecord,
  type FileInfo,
  type StrategyName,
  safeUrl,
  toAssetRecord,
} from '../../core/asset'
import { AssetDropError } from '../../core/errors'
import { isRecord, type ServerResponse } from '../../core/http'

/** The first of `names` that `body` has, or `undefined`. */
function pick(body: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (body[name] !== undefined && body[name] !== null) return body[name]
  return undefined
}

/** Where an answer keeps the asset: itself, a wrapper (`data`, `asset`, `file`…), or a list's first item. */
const wrappers = ['data', 'asset', 'file', 'result', 'upload', 'item', 'attachment', 'blob']
const lists = ['files', 'assets', 'items', 'results', 'uploads', 'data']

/** The object in `root` that describes the asset, looking through wrappers and lists. */
function assetIn(root: unknown, depth = 0): Record<string, unknown> | undefined {
  if (Array.isArray(root)) return assetIn(root[0], depth + 1)
  if (!isRecord(root) || depth > 3) return undefined
  for (const name of wrappers) {
    const inner = root[name]
    if (isRecord(inner) || Array.isArray(inner)) {
      const found = assetIn(inner, depth + 1)
      if (found) return found
    }
  }
  for (const name of lists) {
    const inner = root[name]
    if (Array.isArray(inner)) return assetIn(inner[0], depth + 1)
  }
  // A JSON:API resource keeps its fields in `attributes`, beside its `id` and `type`.
  return isRecord(root.attributes) ? { ...root.attributes, ...root } : root
}

/**
 * Reads an asset record from an answer of any common shape: the asset itself, or inside `data`,
 * `asset`, `file`, `result` (or a list such as `files`; a JSON:API resource's `attributes` too),
 * with the usual field names (`id`, `assetId`, `uuid`, `_id`, `key`; `url`, `fileUrl`,
 * `public_url`, `publicURL`, `location`, `secure_url`; `filename`, `mimetype`, `size`, `width`,
 * `height`, `duration`, `created_at`), a `Location` header, or a plain-text URL. An answer that
 * names no asset at all (a `204`, `{}`) is the distinct, non-retryable `answer-unrecognized`: the
 * server stored the file, so sending it again would store it twice.
 */
export function readAssetRecord(
  response: ServerResponse,
  file: FileInfo,
  strategy: StrategyName,
): AssetRecord {
  const root = response.json
  const body = assetIn(root) ?? {}
  const textUrl = root === undefined ? safeUrl(response.text.trim()) : undefined
  const location = safeUrl(response.location, response.url || undefined)
  const secured = body.secured
  const access: AssetAccess | undefined =
    body.access === 'public' || body.access === 'private'
      ? body.access
      : typeof secured === 'boolean'
        ? secured
          ? 'private'
          : 'public'
        : undefined
  const url =
    pick(
      body,
      'publicURL',
      'origURL',
      'platformFileUrl',
      'url',
      'fileUrl',
      'file_url',
      'publicUrl',
      'public_url',
      'location',
      'Location',
      'secure_url',
      'href',
      'link',
    ) ??
    textUrl ??
    location
  const id = pick(body, 'id', 'assetId', 'asset_id', 'uuid', '_id', 'fileId', 'file_id', 'Key')
  const key = pick(body, 'key', 'fileKey', 'file_key', 's3_key', 'Key', 'path')
  if (
    id === undefined &&
    key === undefined &&
    safeUrl(url, response.url || undefined) === undefined
  ) {
    throw new AssetDropError('answer-unrecognized', { status: response.status })
  }
  try {
    return toAssetRecord(
      {
        id: id ?? key ?? safeUrl(url, response.url || undefined),
        key,
        name: pick(body, 'filename', 'fileName', 'original_filename', 'originalName', 'name'),
        mimeType: pick(body, 'mimetype', 'mimeType', 'mime_type', 'contentType', 'content_type'),
        size: pick(body, 'size', 'size_bytes', 'bytes', 'length'),
        url,
        previews: {
          thumb: pick(body, 'thumbURL', 'thumbnail_url', 'thumbnailUrl', 'thumb'),
          medium: body.mediumURL,
          large: body.largeURL,
          largeX2: body.largeX2URL,
        },
        width: body.width,
        height: body.height,
        duration: body.duration,
        access,
        createdAt: pick(body, 'createdAt', 'created_at', 'created', 'created_date', 'uploadedAt'),
      },
      { strategy, file, response: root ?? response.text, baseUrl: response.url },
    )
  } catch (cause) {
    throw new AssetDropError('answer-unrecognized', { status: response.status, cause })
  }
}

/** {@link readAssetRecord} for one strategy, as its default `toAsset`. */
export function commonAssetRecord(strategy: StrategyName) {
  return (response: ServerResponse, file: FileInfo): AssetRecord =>
    readAssetRecord(response, file, strategy)
}

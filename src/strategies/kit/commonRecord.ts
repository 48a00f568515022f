import { type AssetRecord, type FileInfo, type StrategyName, toAssetRecord } from '../../core/asset'
import { AssetDropError } from '../../core/errors'
import { isRecord, type ServerResponse } from '../../core/http'

/** The first of `names` that `body` has, or `undefined`. */
function pick(body: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (body[name] !== undefined && body[name] !== null) return body[name]
  return undefined
}

/**
 * The asset record for an answer in a common shape: the asset itself, or inside `data` or
 * `asset`, with the usual field names (`id`/`assetId`, `url`/`fileUrl`/`public_url`,
 * `key`/`fileKey`, `filename`, `mimetype`, `size`, `width`, `height`, `duration`, `created_at`).
 */
export function commonAssetRecord(strategy: StrategyName) {
  return (response: ServerResponse, file: FileInfo): AssetRecord => {
    const root = response.json
    const body = isRecord(root)
      ? isRecord(root.data)
        ? root.data
        : isRecord(root.asset)
          ? root.asset
          : root
      : undefined
    if (!body) throw new AssetDropError('bad-response', { status: response.status })
    try {
      return toAssetRecord(
        {
          id: pick(body, 'id', 'assetId', 'asset_id', 'uuid', 'key', 'fileKey'),
          key: pick(body, 'key', 'fileKey', 'file_key', 's3_key'),
          name: pick(body, 'filename', 'fileName', 'original_filename', 'name'),
          mimeType: pick(body, 'mimetype', 'mimeType', 'mime_type', 'contentType', 'content_type'),
          size: pick(body, 'size', 'size_bytes', 'bytes'),
          url: pick(
            body,
            'url',
            'fileUrl',
            'file_url',
            'publicUrl',
            'public_url',
            'publicURL',
            'location',
            'secure_url',
          ),
          width: body.width,
          height: body.height,
          duration: body.duration,
          createdAt: pick(body, 'createdAt', 'created_at', 'created', 'created_date'),
        },
        { strategy, file, response: root, baseUrl: response.url },
      )
    } catch (cause) {
      throw new AssetDropError('bad-response', { status: response.status, cause })
    }
  }
}

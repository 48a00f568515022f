import { type AssetRecord, safeUrl } from '../core/asset'
import { formatBytes } from '../core/format'

/** Props of {@link AssetList}. */
export interface AssetListProps {
  /** The asset records to show. */
  readonly assets: readonly AssetRecord[]
  /**
   * The list's accessible name.
   * @default 'Uploaded assets'
   */
  readonly label?: string
  /** A class name for the list element. */
  readonly className?: string
}

/** The extension of a name, upper-cased, for a file icon. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1, dot + 5).toUpperCase() : ''
}

/** Shows asset records: a preview for images, a file icon for the rest, the name as a safe link, the size. */
export function AssetList({ assets, label = 'Uploaded assets', className }: AssetListProps) {
  if (assets.length === 0) return null
  return (
    <ul className={className ?? 'assetdrop-assets'} aria-label={label}>
      {assets.map((asset) => {
        const url = safeUrl(asset.url)
        const preview = asset.mimeType.startsWith('image/')
          ? safeUrl(asset.previews.thumb ?? asset.url)
          : undefined
        return (
          <li key={asset.fileId} className="assetdrop-asset" data-access={asset.access}>
            {preview ? (
              <img src={preview} alt="" width={48} height={48} loading="lazy" />
            ) : (
              <span className="assetdrop-file-icon" aria-hidden="true">
                {extensionOf(asset.name) || 'FILE'}
              </span>
            )}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {asset.name}
              </a>
            ) : (
              <span>{asset.name}</span>
            )}{' '}
            <span className="assetdrop-asset-size">{formatBytes(asset.size)}</span>
          </li>
        )
      })}
    </ul>
  )
}

import { type AssetRecord, safeUrl } from '../core/asset'
import { formatBytes } from '../core/format'
import { extensionOf } from '../core/validation/formats'
import { useObjectUrl } from './useObjectUrl'
import { type AssetRemoval, assetKey } from './useUploader'

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
  /** Offers a remove button on each asset, which calls this. */
  readonly onRemove?: (asset: AssetRecord) => void
  /** Where the assets being removed stand, by `assetKey`. */
  readonly removals?: ReadonlyMap<string, AssetRemoval>
  /**
   * The remove button's accessible name.
   * @default (name) => `Remove ${name}`
   */
  readonly removeLabel?: (name: string) => string
  /**
   * The bytes of an asset uploaded from this page, when still held: its preview is made from
   * them rather than fetched from a URL that may need credentials.
   */
  readonly localFileOf?: (asset: AssetRecord) => Blob | undefined
  /**
   * The message shown when removing an asset failed.
   * @default 'Could not be removed'
   */
  readonly removeFailed?: string
}

/** Shows asset records: a preview for images, a file icon for the rest, the name as a safe link, the size. */
export function AssetList({
  assets,
  label = 'Uploaded assets',
  className,
  onRemove,
  removals,
  removeLabel = (name) => `Remove ${name}`,
  removeFailed = 'Could not be removed',
  localFileOf,
}: AssetListProps) {
  if (assets.length === 0) return null
  return (
    <ul className={className ?? 'assetdrop-assets'} aria-label={label}>
      {assets.map((asset) => {
        const key = assetKey(asset)
        const removal = removals?.get(key)
        const url = safeUrl(asset.url)
        const image = asset.mimeType.startsWith('image/')
        const local = image ? localFileOf?.(asset) : undefined
        // A private asset's URL answers only with credentials the page may not send: no preview.
        const preview =
          image && asset.access !== 'private'
            ? safeUrl(asset.previews.thumb ?? asset.url)
            : undefined
        return (
          <li
            key={key}
            className="assetdrop-asset"
            data-access={asset.access}
            aria-busy={removal?.pending || undefined}
          >
            {local ? (
              <LocalPreview blob={local} />
            ) : preview ? (
              <img src={preview} alt="" width={48} height={48} loading="lazy" />
            ) : (
              <span className="assetdrop-file-icon" aria-hidden="true">
                {extensionOf(asset.name).slice(0, 4).toUpperCase() || 'FILE'}
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
            {onRemove && (
              <button
                type="button"
                aria-label={removeLabel(asset.name)}
                disabled={removal?.pending}
                onClick={() => onRemove(asset)}
              >
                ✕
              </button>
            )}
            {removal?.error !== undefined && (
              <span className="assetdrop-reason" role="alert">
                {removeFailed}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** A preview made from bytes the page holds; the object URL is made after render and revoked after use. */
function LocalPreview({ blob }: { blob: Blob }) {
  const url = useObjectUrl(blob)
  return url ? (
    <img src={url} alt="" width={48} height={48} />
  ) : (
    <span className="assetdrop-file-icon" aria-hidden="true" />
  )
}

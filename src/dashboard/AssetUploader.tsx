import Dashboard, { type DashboardOptions } from '@uppy/dashboard'
import { useEffect, useRef } from 'react'
import type { AssetRecord } from '../core/asset'
import { formatError, formatIssues } from '../core/messages'
import type { AssetBody, AssetMeta, UploadStrategy } from '../core/strategy'
import { AssetList } from '../react/AssetList'
import { FieldInputs, isFormField } from '../react/FieldInputs'
import { type DropzoneLocale, englishLocale } from '../react/locale'
import { type UseUploaderOptions, useUploader } from '../react/useUploader'

/** Props of {@link AssetUploader}. */
export interface AssetUploaderProps extends UseUploaderOptions {
  /** The backend style to upload with, such as `multipartForm({ endpoint })`. */
  readonly strategy: UploadStrategy
  /**
   * The Dashboard's height in pixels (Uppy shows the `note` only when it is over 330).
   * @default 400
   */
  readonly height?: number
  /** A hint shown in the Dashboard, such as the accepted types and sizes. */
  readonly note?: string
  /**
   * Whether the uploaded assets are listed below the Dashboard.
   * @default true
   */
  readonly showAssets?: boolean
  /** A class name added to the outer element's. */
  readonly className?: string
  /**
   * Light, dark, or `auto` to follow the system, for the Dashboard and assetdrop's lists alike.
   * @default 'auto'
   */
  readonly theme?: 'light' | 'dark' | 'auto'
  /**
   * assetdrop's strings around the Dashboard (its lists, field labels and form messages), such as
   * `locale` from `assetdrop/dashboard/locales/de`.
   * @default englishLocale
   */
  readonly locale?: DropzoneLocale
  /**
   * Uppy's locale pack for the Dashboard's own strings, such as `uppyLocale` from
   * `assetdrop/dashboard/locales/de` (or any pack of `@uppy/locales`).
   */
  readonly uppyLocale?: DashboardOptions<AssetMeta, AssetBody>['locale']
  /** The form field name: each asset's id is posted under it (see `formValue`). */
  readonly name?: string
  /** What each asset posts as in the form. @default (asset) => asset.id */
  readonly formValue?: (asset: AssetRecord) => string
  /** Whether the form can't be submitted without an asset (the browser says so). */
  readonly required?: boolean
}

/**
 * Uppy's Dashboard, inline, wired to assetdrop's validation, typed errors and asset records.
 * Import its styles from `assetdrop/dashboard.css`.
 */
export function AssetUploader({
  strategy,
  height = 400,
  note,
  showAssets = true,
  className,
  locale = englishLocale,
  uppyLocale,
  theme = 'auto',
  name,
  formValue,
  required = false,
  ...options
}: AssetUploaderProps) {
  const field = useUploader(strategy, options)
  const { uploader, items } = field
  const editable = isFormField(options, name, required)
  const target = useRef<HTMLDivElement>(null)
  // By value, so an app passing a new array each render does not mount the Dashboard again.
  const accepted = (options.constraints?.allowedTypes ?? strategy.constraints.allowedTypes)?.join(
    '\n',
  )

  useEffect(() => {
    const element = target.current
    if (!element) return
    const uppy = uploader.uppy
    const id = 'assetdrop:Dashboard'
    const metaFields = strategy.metaFields ?? []
    // Uppy's pack goes to the core, which the Dashboard reads its strings from as it installs:
    // the core's own messages (such as "Failed to upload …" in the informer) need it too.
    if (uppyLocale) uppy.setOptions({ locale: uppyLocale })
    uppy.use(Dashboard<AssetMeta, AssetBody>, {
      id,
      inline: true,
      target: element,
      height,
      ...(note !== undefined && { note }),
      proudlyDisplayPoweredByUppy: false,
      theme,
      // The strategy's per-file metadata (such as a title) is edited in the Dashboard's file card.
      metaFields: metaFields.map((field) => ({
        id: field.id,
        name: field.required ? locale.requiredField(field.label) : field.label,
        ...(field.list && { placeholder: locale.listPlaceholder }),
      })),
    })
    const required = metaFields.filter((field) => field.required).map((field) => field.id)
    if (required.length > 0)
      uppy.setOptions({ restrictions: { ...uppy.opts.restrictions, requiredMetaFields: required } })
    // The picker offers only the accepted types (its `accept`), from the app's list when it has
    // one (the narrower), else the strategy's. assetdrop still checks every file itself: Uppy sees
    // only files that passed, which meet both lists.
    if (accepted)
      uppy.setOptions({
        restrictions: { ...uppy.opts.restrictions, allowedFileTypes: accepted.split('\n') },
      })
    const plugin = uppy.getPlugin(id)
    return () => {
      if (plugin) uppy.removePlugin(plugin)
      if (uppyLocale) uppy.setOptions({ locale: undefined })
    }
  }, [uploader, strategy, height, note, locale, uppyLocale, theme, accepted])

  const problems: { id: string; name: string; message: string }[] = []
  for (const item of items) {
    if (item.status === 'failed')
      problems.push({
        id: item.id,
        name: item.name,
        message: formatError(item.error, options.messages),
      })
    if (item.status === 'rejected') {
      problems.push({
        id: item.id,
        name: item.name,
        message: formatIssues(item.issues, options.messages),
      })
    }
  }

  return (
    <div
      className={className ? `assetdrop-uploader ${className}` : 'assetdrop-uploader'}
      data-theme={theme}
    >
      <div ref={target} />
      <ul className="assetdrop-problems" aria-label={locale.problems} aria-live="polite">
        {problems.map((problem) => (
          <li key={problem.id}>
            <strong>{problem.name}</strong>: {problem.message}
          </li>
        ))}
      </ul>
      {showAssets && (
        <AssetList
          assets={field.value}
          label={locale.assets}
          {...(editable && {
            onRemove: (asset: AssetRecord) => void field.removeAsset(asset),
            removals: field.removals,
            removeLabel: locale.remove,
            removeFailed: locale.removeFailed,
          })}
        />
      )}
      <FieldInputs
        name={name}
        value={field.value}
        formValue={formValue}
        required={required}
        uploading={field.isUploading}
        messages={locale}
        onFocus={() => target.current?.querySelector<HTMLElement>('button')?.focus()}
      />
    </div>
  )
}

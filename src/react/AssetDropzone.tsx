/**
 * The drop-zone widget: the drop area, the live region, the virtualized file list with each
 * row's actions and details, and the total progress. Kept in one file (over 300 lines) because
 * its parts (the row, the progress bar, the thumbnail, the retry countdown) exist only for it
 * and are read together; none is exported.
 */
import { useEffect, useRef, useState } from 'react'
import type { AssetRecord } from '../core/asset'
import { formatBytes } from '../core/format'
import { type ErrorMessages, formatError, formatIssues } from '../core/messages'
import type { MetaField, UploadStrategy } from '../core/strategy'
import type { UploadItem } from '../core/uploader/store'
import { AssetList } from './AssetList'
import { FieldInputs, isFormField } from './FieldInputs'
import { type DropzoneLocale, englishLocale } from './locale'
import { useObjectUrl } from './useObjectUrl'
import { type UseUploaderOptions, useUploader } from './useUploader'
import { useVirtualRows } from './useVirtualRows'

/** Props of {@link AssetDropzone}. */
export interface AssetDropzoneProps extends UseUploaderOptions {
  /** The backend style to upload with, such as `multipartForm({ endpoint })`. */
  readonly strategy: UploadStrategy
  /**
   * The strings shown and announced.
   * @default englishLocale
   */
  readonly locale?: DropzoneLocale
  /**
   * Whether the uploaded assets are listed below the files.
   * @default true
   */
  readonly showAssets?: boolean
  /** A class name added to the outer element's; style it with the `--assetdrop-*` variables in `assetdrop/styles.css`. */
  readonly className?: string
  /**
   * Light, dark, or `auto` to follow the system (or an ancestor's `data-assetdrop-theme`).
   * @default 'auto'
   */
  readonly theme?: 'light' | 'dark' | 'auto'
  /**
   * Whether a "Choose a folder" button offers the browser's folder picker (folders can always be
   * dropped); each file keeps its path inside the folder.
   * @default false
   */
  readonly folders?: boolean
  /**
   * The widget's accessible name (a landmark's): give each widget on a page its own.
   * @default locale.label
   */
  readonly label?: string
  /** The form field name: each asset's id is posted under it (see `formValue`). */
  readonly name?: string
  /** What each asset posts as in the form. @default (asset) => asset.id */
  readonly formValue?: (asset: AssetRecord) => string
  /** Whether the form can't be submitted without an asset (the browser says so). */
  readonly required?: boolean
}

/**
 * A light, accessible upload widget without Uppy's Dashboard: drop, paste, or pick files (also by
 * keyboard), see each file's status, progress and reason, and retry, cancel or remove it.
 */
export function AssetDropzone({
  strategy,
  locale = englishLocale,
  showAssets = true,
  className,
  folders = false,
  theme = 'auto',
  label,
  name,
  formValue,
  required = false,
  ...options
}: AssetDropzoneProps) {
  // The last few messages stay as separate nodes, so a quick second one does not replace the first
  // before a screen reader has read it.
  const [announcements, setAnnouncements] = useState<readonly { id: number; text: string }[]>([])
  const announce = (text: string) =>
    setAnnouncements((previous) => [
      ...previous.slice(-2),
      { id: (previous.at(-1)?.id ?? 0) + 1, text },
    ])
  const uploader = useUploader(strategy, {
    ...options,
    onFilesAdded: (event) => {
      announce(locale.announce.added(event.files.length))
      options.onFilesAdded?.(event)
    },
    onFileRejected: (event) => {
      announce(
        locale.announce.rejected(event.file.name, formatIssues(event.issues, options.messages)),
      )
      options.onFileRejected?.(event)
    },
    onUploadError: (event) => {
      announce(locale.announce.failed(event.file.name, formatError(event.error, options.messages)))
      options.onUploadError?.(event)
    },
    onComplete: (event) => {
      announce(locale.announce.complete(event.assets.length, event.failed.length))
      options.onComplete?.(event)
    },
  })
  const { items, status, online, percent, etaSeconds, getRootProps, getInputProps, open } = uploader
  const chooser = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const { rows, totalSize, measure } = useVirtualRows({
    count: items.length,
    keyOf: (index) => items[index]?.id ?? String(index),
    scroller,
    estimate: 56,
    overscan: 6,
  })

  const queued = items.filter((item) => item.status === 'queued').length
  // A form field: its assets can be removed, and it posts them.
  const field = isFormField(options, name, required)

  /** Takes a file out and moves focus to the next file's first button, or to the chooser. */
  const removeAndRefocus = (id: string) => {
    const rows = Array.from(list.current?.children ?? [])
    const index = rows.findIndex((row) => row.getAttribute('data-id') === id)
    const next = rows[index + 1] ?? rows[index - 1]
    uploader.remove(id)
    requestAnimationFrame(() => (next?.querySelector('button') ?? chooser.current)?.focus())
  }

  return (
    <section
      className={className ? `assetdrop ${className}` : 'assetdrop'}
      aria-label={label ?? locale.label}
      data-theme={theme}
      data-status={status}
    >
      <div {...getRootProps()} className="assetdrop-droparea">
        <span>{locale.dropHere}</span>{' '}
        <button ref={chooser} type="button" className="assetdrop-choose" onClick={open}>
          {locale.chooseFiles}
        </button>
        <input {...getInputProps()} />
        {folders && (
          <>
            {' '}
            <button type="button" className="assetdrop-choose" onClick={uploader.openFolder}>
              {locale.chooseFolder}
            </button>
            <input {...uploader.getFolderInputProps()} />
          </>
        )}
      </div>
      <div className="assetdrop-visually-hidden" role="status" aria-live="polite">
        {announcements.map((announcement) => (
          <p key={announcement.id}>{announcement.text}</p>
        ))}
      </div>
      {items.length > 0 && (
        // Only the rows in view are rendered, so thousands of files stay smooth.
        <div ref={setScroller} className="assetdrop-scroll">
          <ul
            ref={list}
            className="assetdrop-files"
            aria-label={locale.files}
            style={{ height: totalSize }}
          >
            {rows.map((row) => {
              const item = items[row.index] as UploadItem
              return (
                <li
                  key={item.id}
                  ref={measure}
                  className="assetdrop-row"
                  data-key={item.id}
                  data-id={item.id}
                  aria-setsize={items.length}
                  aria-posinset={row.index + 1}
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <FileRow
                    item={item}
                    locale={locale}
                    messages={options.messages}
                    metaFields={strategy.metaFields ?? []}
                    onMetaChange={(meta) => uploader.uploader.setMeta(item.id, meta)}
                    // A preview only of content the checks let through (a refused `.png` may be text or a program).
                    file={
                      item.status === 'rejected' || item.status === 'validating'
                        ? undefined
                        : uploader.uploader.getFile(item.id)
                    }
                    onRemove={() => removeAndRefocus(item.id)}
                    onCancel={() => uploader.cancel(item.id)}
                    onRetry={() => void uploader.retry(item.id)}
                  />
                </li>
              )
            })}
          </ul>
        </div>
      )}
      {!online && (
        <p className="assetdrop-offline" role="status">
          {locale.offline}
        </p>
      )}
      {(status === 'uploading' || percent > 0) && (
        <ProgressBar
          className="assetdrop-total"
          label={locale.totalProgress}
          value={percent}
          valueText={locale.totalValue(percent, etaSeconds)}
        />
      )}
      {!options.autoUpload && queued > 0 && (
        <button
          type="button"
          className="assetdrop-upload"
          onClick={() => {
            void uploader.upload()
            // The button goes once the files start: keep focus in the widget, on the chooser.
            chooser.current?.focus()
          }}
        >
          {locale.upload(queued)}
        </button>
      )}
      {showAssets && (
        <AssetList
          assets={uploader.value}
          label={locale.assets}
          localFileOf={(asset) => uploader.uploader.getFile(asset.fileId)}
          {...(field && {
            onRemove: (asset: AssetRecord) => void uploader.removeAsset(asset),
            removals: uploader.removals,
            removeLabel: locale.remove,
            removeFailed: locale.removeFailed,
          })}
        />
      )}
      <FieldInputs
        name={name}
        value={uploader.value}
        formValue={formValue}
        required={required}
        uploading={uploader.isUploading}
        messages={locale}
        onFocus={() => chooser.current?.focus()}
      />
    </section>
  )
}

interface FileRowProps {
  readonly item: UploadItem
  readonly messages: Partial<ErrorMessages> | undefined
  readonly metaFields: readonly MetaField[]
  readonly onMetaChange: (meta: Readonly<Record<string, string | readonly string[]>>) => void
  readonly file: Blob | undefined
  readonly locale: DropzoneLocale
  readonly onRemove: () => void
  readonly onCancel: () => void
  readonly onRetry: () => void
}

function FileRow({
  item,
  messages,
  file,
  locale,
  metaFields,
  onMetaChange,
  onRemove,
  onCancel,
  onRetry,
}: FileRowProps) {
  const reason =
    item.status === 'rejected'
      ? formatIssues(item.issues, messages)
      : item.status === 'failed' || item.status === 'retrying'
        ? formatError(item.error, messages)
        : undefined
  // The folder the file came in, shown before its name.
  const folder = item.relativePath?.split('/').slice(0, -1).join('/')
  const secondsLeft = useSecondsUntil(item.status === 'retrying' ? item.retryAt : undefined)
  const percent =
    item.status === 'uploading'
      ? Math.round((item.bytesUploaded / Math.max(item.size, 1)) * 100)
      : item.status === 'succeeded'
        ? 100
        : 0
  return (
    <div className="assetdrop-file" data-status={item.status}>
      <Thumbnail file={file} type={item.type} />
      <span className="assetdrop-name">
        {folder && <span className="assetdrop-folder">{folder}/</span>}
        <span>{item.name}</span>
      </span>
      <span className="assetdrop-size">{formatBytes(item.size)}</span>
      <span className="assetdrop-state">
        {item.status === 'retrying'
          ? locale.retryingIn(item.retryAt === undefined ? undefined : secondsLeft)
          : locale.status[item.status]}
      </span>
      {(item.status === 'uploading' || item.status === 'succeeded') && (
        <ProgressBar label={locale.progressOf(item.name)} value={percent} />
      )}
      {reason && <p className="assetdrop-reason">{reason}</p>}
      {(item.status === 'queued' || item.status === 'failed') && metaFields.length > 0 && (
        <fieldset className="assetdrop-meta">
          <legend className="assetdrop-visually-hidden">{locale.detailsOf(item.name)}</legend>
          {metaFields.map((field) => {
            const value = item.meta?.[field.id]
            return (
              <label key={field.id}>
                {field.label}
                <input
                  type="text"
                  required={field.required}
                  aria-required={field.required}
                  value={
                    Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? '')
                  }
                  // List fields keep the raw text while typed; the strategy splits it on commas when sending.
                  onChange={(event) => onMetaChange({ [field.id]: event.currentTarget.value })}
                />
              </label>
            )
          })}
        </fieldset>
      )}
      <span className="assetdrop-actions">
        {((item.status === 'failed' && item.error.code !== 'answer-unrecognized') ||
          item.status === 'retrying') && (
          <button type="button" aria-label={locale.retry(item.name)} onClick={onRetry}>
            ↻
          </button>
        )}
        {item.status === 'uploading' || item.status === 'retrying' ? (
          <button type="button" aria-label={locale.cancel(item.name)} onClick={onCancel}>
            ✕
          </button>
        ) : (
          item.status !== 'succeeded' && (
            <button type="button" aria-label={locale.remove(item.name)} onClick={onRemove}>
              ✕
            </button>
          )
        )}
      </span>
    </div>
  )
}

/** Whole seconds until `time` (ms since the epoch), counted down once a second; 0 once passed. */
function useSecondsUntil(time: number | undefined): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(time))
  useEffect(() => {
    setSeconds(secondsUntil(time))
    if (time === undefined) return
    const timer = setInterval(() => setSeconds(secondsUntil(time)), 1000)
    return () => clearInterval(timer)
  }, [time])
  return seconds
}

function secondsUntil(time: number | undefined): number {
  return time === undefined ? 0 : Math.max(0, Math.ceil((time - Date.now()) / 1000))
}

function ProgressBar({
  label,
  value,
  valueText,
  className,
}: {
  label: string
  value: number
  valueText?: string
  className?: string
}) {
  return (
    <div
      className={className ?? 'assetdrop-progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText}
      title={valueText}
    >
      <div className="assetdrop-progress-fill" style={{ width: `${value}%` }} />
    </div>
  )
}

/** A small preview of an image file; object URLs are made after render and revoked after use. */
function Thumbnail({ file, type }: { file: Blob | undefined; type: string }) {
  const isImage =
    /^image\/(png|jpeg|gif|webp)$/.test(type) && file !== undefined && file.size < 20_000_000
  const url = useObjectUrl(isImage ? file : undefined)
  return url ? (
    <img className="assetdrop-thumb" src={url} alt="" width={40} height={40} />
  ) : (
    <span className="assetdrop-thumb" aria-hidden="true" />
  )
}

import type { AssetRecord, FileInfo } from './asset'
import type { ValidationIssue } from './constraints'
import type { AssetDropError } from './errors'

/** Where one file stands. */
export type FileStatus =
  | 'validating'
  | 'queued'
  | 'rejected'
  | 'uploading'
  | 'retrying'
  | 'succeeded'
  | 'failed'
  | 'cancelled'

/** One file in the widget, with what its status carries: issues, progress, asset or error. */
export type UploadItem = FileInfo &
  (
    | { readonly status: 'validating' }
    | { readonly status: 'queued' }
    | { readonly status: 'rejected'; readonly issues: readonly ValidationIssue[] }
    | { readonly status: 'uploading'; readonly bytesUploaded: number }
    | {
        readonly status: 'retrying'
        /** Why the last attempt failed. */
        readonly error: AssetDropError
        /** When the next attempt starts (ms since the epoch); `undefined` while offline. */
        readonly retryAt: number | undefined
        /** How many retries this file has had, this one included. */
        readonly retries: number
      }
    | { readonly status: 'succeeded'; readonly asset: AssetRecord }
    | { readonly status: 'failed'; readonly error: AssetDropError }
    | { readonly status: 'cancelled' }
  )

/** Everything a UI needs to draw an uploader, replaced as a whole on every change. */
export interface UploaderSnapshot {
  /** The files, in the order they were added. */
  readonly items: readonly UploadItem[]
  /**
   * `validating` while files are being checked, `uploading` while any is on its way (or waiting
   * to be retried), else `idle`.
   */
  readonly status: 'idle' | 'validating' | 'uploading'
  /** Whether the browser is online; uploads wait while it is not. */
  readonly online: boolean
  /** Bytes sent so far of the files uploading or uploaded. */
  readonly bytesUploaded: number
  /** Bytes to send in all of the files uploading or uploaded. */
  readonly bytesTotal: number
}

/** What happened to the uploader's files. */
export type UploaderAction =
  | { readonly type: 'validating'; readonly files: readonly FileInfo[] }
  | {
      readonly type: 'validated'
      readonly accepted: readonly FileInfo[]
      readonly rejected: readonly {
        readonly file: FileInfo
        readonly issues: readonly ValidationIssue[]
      }[]
    }
  | { readonly type: 'started'; readonly ids: readonly string[] }
  | { readonly type: 'progressed'; readonly id: string; readonly bytesUploaded: number }
  | { readonly type: 'succeeded'; readonly id: string; readonly asset: AssetRecord }
  | { readonly type: 'failed'; readonly id: string; readonly error: AssetDropError }
  | {
      readonly type: 'retrying'
      readonly id: string
      readonly error: AssetDropError
      readonly retryAt: number | undefined
      readonly retries: number
    }
  | { readonly type: 'requeued'; readonly id: string }
  | { readonly type: 'connection'; readonly online: boolean }
  | { readonly type: 'cancelled'; readonly ids: readonly string[] }
  | { readonly type: 'unqueued'; readonly id: string }
  | { readonly type: 'removed'; readonly id: string }
  | { readonly type: 'reset' }
  | {
      readonly type: 'meta-changed'
      readonly id: string
      readonly meta: NonNullable<FileInfo['meta']>
    }

/** The snapshot of an uploader with no files. */
export const emptySnapshot: UploaderSnapshot = {
  items: [],
  status: 'idle',
  online: true,
  bytesUploaded: 0,
  bytesTotal: 0,
}

/** The next snapshot after `action`; the same object when nothing changed. */
export function reduceUploader(state: UploaderSnapshot, action: UploaderAction): UploaderSnapshot {
  switch (action.type) {
    case 'validating':
      return withItems(state, [
        ...state.items,
        ...action.files.map((file): UploadItem => ({ ...file, status: 'validating' })),
      ])
    case 'validated': {
      const accepted = new Map(action.accepted.map((file) => [file.id, file]))
      const rejected = new Map(
        action.rejected.map((rejection) => [rejection.file.id, rejection.issues]),
      )
      return update(state, (item): UploadItem => {
        if (item.status !== 'validating') return item
        const file = accepted.get(item.id)
        if (file) return { ...file, status: 'queued' }
        const issues = rejected.get(item.id)
        return issues ? { ...fileOf(item), status: 'rejected', issues } : item
      })
    }
    case 'started': {
      const ids = new Set(action.ids)
      return update(state, (item) =>
        ids.has(item.id) && (item.status === 'queued' || item.status === 'retrying')
          ? { ...fileOf(item), status: 'uploading', bytesUploaded: 0 }
          : item,
      )
    }
    case 'progressed':
      return update(state, (item) =>
        item.id === action.id && item.status === 'uploading'
          ? { ...item, bytesUploaded: Math.min(action.bytesUploaded, item.size) }
          : item,
      )
    case 'succeeded':
      return update(state, (item) =>
        item.id === action.id && (item.status === 'uploading' || item.status === 'queued')
          ? { ...fileOf(item), status: 'succeeded', asset: action.asset }
          : item,
      )
    case 'failed':
      return update(state, (item) =>
        item.id === action.id &&
        (item.status === 'uploading' || item.status === 'retrying' || item.status === 'queued')
          ? { ...fileOf(item), status: 'failed', error: action.error }
          : item,
      )
    case 'retrying':
      return update(state, (item) =>
        item.id === action.id && (item.status === 'uploading' || item.status === 'retrying')
          ? {
              ...fileOf(item),
              status: 'retrying',
              error: action.error,
              retryAt: action.retryAt,
              retries: action.retries,
            }
          : item,
      )
    case 'requeued':
      return update(state, (item) =>
        item.id === action.id && item.status === 'failed'
          ? { ...fileOf(item), status: 'queued' }
          : item,
      )
    case 'connection':
      return state.online === action.online ? state : { ...state, online: action.online }
    case 'cancelled': {
      const ids = new Set(action.ids)
      return update(state, (item) =>
        ids.has(item.id) &&
        (item.status === 'uploading' ||
          item.status === 'retrying' ||
          item.status === 'queued' ||
          item.status === 'validating')
          ? { ...fileOf(item), status: 'cancelled' }
          : item,
      )
    }
    case 'unqueued': {
      // A file taken out of Uppy by its own UI: cancelled if it was on its way, gone if it waited.
      const item = state.items.find((candidate) => candidate.id === action.id)
      if (item?.status === 'uploading' || item?.status === 'retrying')
        return reduceUploader(state, { type: 'cancelled', ids: [item.id] })
      if (item?.status === 'queued' || item?.status === 'failed' || item?.status === 'validating') {
        return reduceUploader(state, { type: 'removed', id: item.id })
      }
      return state
    }
    case 'reset':
      return state.items.length === 0 ? state : { ...emptySnapshot, online: state.online }
    case 'meta-changed':
      return update(state, (item) =>
        item.id === action.id ? { ...item, meta: { ...item.meta, ...action.meta } } : item,
      )
    case 'removed': {
      const items = state.items.filter((item) => item.id !== action.id)
      return items.length === state.items.length ? state : withItems(state, items)
    }
  }
}

/** The file an item describes, without its status. */
export function fileOf(item: UploadItem): FileInfo {
  return {
    id: item.id,
    name: item.name,
    type: item.type,
    size: item.size,
    ...(item.meta && { meta: item.meta }),
  }
}

function update(
  state: UploaderSnapshot,
  change: (item: UploadItem) => UploadItem,
): UploaderSnapshot {
  let changed = false
  const items = state.items.map((item) => {
    const next = change(item)
    if (next !== item) changed = true
    return next
  })
  return changed ? withItems(state, items) : state
}

function withItems(state: UploaderSnapshot, items: readonly UploadItem[]): UploaderSnapshot {
  let bytesUploaded = 0
  let bytesTotal = 0
  let uploading = false
  let validating = false
  for (const item of items) {
    if (item.status === 'validating') validating = true
    if (item.status === 'uploading') {
      uploading = true
      bytesUploaded += item.bytesUploaded
      bytesTotal += item.size
    } else if (item.status === 'retrying') {
      uploading = true
      bytesTotal += item.size
    } else if (item.status === 'succeeded') {
      bytesUploaded += item.size
      bytesTotal += item.size
    }
  }
  const status = uploading ? 'uploading' : validating ? 'validating' : 'idle'
  return { ...state, items, status, bytesUploaded, bytesTotal }
}

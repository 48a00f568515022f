/**
 * The store: each file's status and the totals, action by action, and the snapshot
 * subscribers read. Over 300 lines because `UploadItem`, the actions and the reducer are one
 * state machine, read together; most of the length is their types.
 */
import type { AssetRecord, FileInfo } from '../asset'
import type { ValidationIssue } from '../constraints'
import type { AssetDropError } from '../errors'

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

/** An uploader's files and totals, kept up to date action by action. */
export interface UploaderStore {
  /** Applies `action`; `true` when anything changed. */
  apply(action: UploaderAction): boolean
  /** The file with `id`, if it is listed. */
  get(id: string): UploadItem | undefined
  /** Every listed file, in the order added. The store's own array: read it, don't keep it. */
  readonly items: readonly UploadItem[]
  /** The snapshot's `status`, without making a snapshot. */
  readonly status: UploaderSnapshot['status']
  /** The current state: the same object until something changes. */
  snapshot(): UploaderSnapshot
}

/**
 * Creates an empty store. Each action costs O(1) for one file (files are indexed by id and the
 * totals are kept as they change), so progress from thousands of files never copies the list;
 * a snapshot copies it once, when it is read after a change.
 */
export function createUploaderStore(): UploaderStore {
  let items: UploadItem[] = []
  let positions = new Map<string, number>()
  let stalePositions = false
  let online = true
  let validating = 0
  let active = 0
  let bytesUploaded = 0
  let bytesTotal = 0
  let current: UploaderSnapshot | undefined

  const count = (item: UploadItem, sign: 1 | -1) => {
    if (item.status === 'validating') validating += sign
    else if (item.status === 'uploading') {
      active += sign
      bytesUploaded += sign * item.bytesUploaded
      bytesTotal += sign * item.size
    } else if (item.status === 'retrying') {
      active += sign
      bytesTotal += sign * item.size
    } else if (item.status === 'succeeded') {
      bytesUploaded += sign * item.size
      bytesTotal += sign * item.size
    }
  }
  const position = (id: string) => {
    if (stalePositions) {
      positions = new Map(items.map((item, index) => [item.id, index]))
      stalePositions = false
    }
    return positions.get(id)
  }
  const get = (id: string) => {
    const index = position(id)
    return index === undefined ? undefined : items[index]
  }
  const changed = () => {
    current = undefined
    return true
  }
  /** Replaces the file `id` with what `next` makes of it; `false` when that is the same. */
  const change = (id: string, next: (item: UploadItem) => UploadItem): boolean => {
    const index = position(id)
    const item = index === undefined ? undefined : items[index]
    if (index === undefined || !item) return false
    const replacement = next(item)
    if (replacement === item) return false
    count(item, -1)
    count(replacement, 1)
    items[index] = replacement
    return changed()
  }
  const remove = (ids: ReadonlySet<string>): boolean => {
    const kept = items.filter((item) => !ids.has(item.id))
    if (kept.length === items.length) return false
    for (const item of items) if (ids.has(item.id)) count(item, -1)
    items = kept
    stalePositions = true
    return changed()
  }

  const apply = (action: UploaderAction): boolean => {
    switch (action.type) {
      case 'validating':
        for (const file of action.files) {
          const item: UploadItem = { ...file, status: 'validating' }
          positions.set(file.id, items.length)
          items.push(item)
          count(item, 1)
        }
        return action.files.length > 0 && changed()
      case 'validated': {
        let any = false
        for (const file of action.accepted) {
          any =
            change(file.id, (item) =>
              item.status === 'validating' ? { ...file, status: 'queued' } : item,
            ) || any
        }
        for (const { file, issues } of action.rejected) {
          any =
            change(file.id, (item) =>
              item.status === 'validating' ? { ...fileOf(item), status: 'rejected', issues } : item,
            ) || any
        }
        return any
      }
      case 'started': {
        let any = false
        for (const id of action.ids) {
          any =
            change(id, (item) =>
              item.status === 'queued' || item.status === 'retrying'
                ? { ...fileOf(item), status: 'uploading', bytesUploaded: 0 }
                : item,
            ) || any
        }
        return any
      }
      case 'progressed':
        return change(action.id, (item) => {
          if (item.status !== 'uploading') return item
          const bytes = Math.min(action.bytesUploaded, item.size)
          return bytes === item.bytesUploaded ? item : { ...item, bytesUploaded: bytes }
        })
      case 'succeeded':
        return change(action.id, (item) =>
          item.status === 'uploading' || item.status === 'queued'
            ? { ...fileOf(item), status: 'succeeded', asset: action.asset }
            : item,
        )
      case 'failed':
        return change(action.id, (item) =>
          item.status === 'uploading' || item.status === 'retrying' || item.status === 'queued'
            ? { ...fileOf(item), status: 'failed', error: action.error }
            : item,
        )
      case 'retrying':
        return change(action.id, (item) =>
          item.status === 'uploading' || item.status === 'retrying'
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
        return change(action.id, (item) =>
          item.status === 'failed' ? { ...fileOf(item), status: 'queued' } : item,
        )
      case 'connection':
        if (online === action.online) return false
        online = action.online
        return changed()
      case 'cancelled': {
        let any = false
        for (const id of action.ids) any = change(id, cancelled) || any
        return any
      }
      case 'unqueued': {
        // A file taken out of Uppy by its own UI: cancelled if it was on its way, gone if it waited.
        const item = get(action.id)
        if (item?.status === 'uploading' || item?.status === 'retrying')
          return change(item.id, cancelled)
        if (item?.status === 'queued' || item?.status === 'failed' || item?.status === 'validating')
          return remove(new Set([item.id]))
        return false
      }
      case 'removed':
        return remove(new Set([action.id]))
      case 'reset':
        if (items.length === 0) return false
        items = []
        positions = new Map()
        stalePositions = false
        validating = 0
        active = 0
        bytesUploaded = 0
        bytesTotal = 0
        return changed()
      case 'meta-changed':
        return change(action.id, (item) => ({ ...item, meta: { ...item.meta, ...action.meta } }))
    }
  }

  const status = () => (active > 0 ? 'uploading' : validating > 0 ? 'validating' : 'idle')
  return {
    apply,
    get,
    get items() {
      return items
    },
    get status() {
      return status()
    },
    snapshot() {
      current ??= {
        items: items.slice(),
        status: status(),
        online,
        bytesUploaded,
        bytesTotal,
      }
      return current
    },
  }
}

function cancelled(item: UploadItem): UploadItem {
  return item.status === 'uploading' ||
    item.status === 'retrying' ||
    item.status === 'queued' ||
    item.status === 'validating'
    ? { ...fileOf(item), status: 'cancelled' }
    : item
}

/** The file an item describes, without its status. */
export function fileOf(item: UploadItem): FileInfo {
  return {
    id: item.id,
    name: item.name,
    type: item.type,
    size: item.size,
    ...(item.meta && { meta: item.meta }),
    ...(item.relativePath !== undefined && { relativePath: item.relativePath }),
  }
}

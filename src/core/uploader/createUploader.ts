/**
 * The uploader: wiring and the public methods. Intake (`intake.ts`) takes files in and judges
 * them in order; the queue (`queue.ts`) starts them as the Uppy plugin's window has room; each
 * file's upload runs in attempts (`steps.ts`, `attempts.ts`) of three steps: the strategy
 * prepares it, the Uppy plugin sends it (through `../uppy/adapter.ts`, the only part that knows
 * Uppy), and the strategy turns the answer into an asset record. The store (`store.ts`) holds
 * what subscribers see. A little over 300 lines because the public methods are each a few lines
 * of wiring over the same handful of closures (dispatch, begin, withdraw); moving them out would
 * pass that state around again.
 */
import type { AssetRecord, FileInfo } from '../asset'
import { loosenedLimits } from '../constraints'
import { AssetDropError, isOffline } from '../errors'
import { createUppyAdapter, type UppyFileInput } from '../uppy/adapter'
import { systemClock } from './clock'
import { createIntake } from './intake'
import { createQueue } from './queue'
import { retryPolicyOf } from './retryPolicy'
import { createSteps } from './steps'
import { createUploaderStore, fileOf, type UploaderAction } from './store'
import type {
  CreateUploaderOptions,
  FileSource,
  Uploader,
  UploadFailure,
  UploadOutcome,
} from './types'

export type {
  AddFilesResult,
  CreateUploaderOptions,
  FileSource,
  Uploader,
  UploadFailure,
  UploadOutcome,
} from './types'

/** How often progress alone is published to subscribers, in milliseconds. */
const progressInterval = 50

/**
 * Creates an uploader for one backend style. Every file, however it arrives (this API, or a drop,
 * paste or pick in Uppy's own UI), is validated before it reaches Uppy's upload queue. Nothing
 * touches the browser until the uploader is first used, so it is safe to create during server
 * rendering.
 */
export function createUploader(options: CreateUploaderOptions): Uploader {
  const { strategy } = options
  const loosened = loosenedLimits(strategy.constraints, options.constraints ?? {})
  if (loosened.length > 0) {
    throw new TypeError(
      `constraints can only tighten the ${strategy.name} strategy's limits, but ${loosened.join(', ')}. Pass a looser limit to the strategy itself if its backend allows it.`,
    )
  }
  const policy = retryPolicyOf(options.retry)
  const clock = options.clock ?? systemClock
  const store = createUploaderStore()
  const listeners = new Set<() => void>()
  let notifyTimer: unknown
  let destroyed = false
  let listening = false
  /** Files started since the last time everything finished, for `onComplete`. */
  let started = new Set<string>()
  const idleWaiters: (() => void)[] = []

  const notify = () => {
    clock.clearTimeout(notifyTimer)
    notifyTimer = undefined
    for (const listener of [...listeners]) listener()
  }

  /** Applies `action`; subscribers hear of it at once, or within `progressInterval` for progress. */
  const dispatch = (action: UploaderAction) => {
    const before = store.status
    if (!store.apply(action)) return
    if (action.type !== 'progressed') notify()
    else notifyTimer ??= clock.setTimeout(notify, progressInterval)
    if (before === 'uploading' && store.status !== 'uploading') finishedAll()
  }

  const outcomeOf = (ids: ReadonlySet<string>): UploadOutcome => {
    const assets: AssetRecord[] = []
    const failed: UploadFailure[] = []
    for (const item of store.items) {
      if (!ids.has(item.id)) continue
      if (item.status === 'succeeded') assets.push(item.asset)
      if (item.status === 'failed') failed.push({ file: fileOf(item), error: item.error })
    }
    return { assets, failed }
  }

  /** Everything under way has finished: answer the waiting calls, then `onComplete`. */
  const finishedAll = () => {
    for (const resolve of idleWaiters.splice(0)) resolve()
    const ids = started
    started = new Set()
    if (ids.size > 0) options.onComplete?.(outcomeOf(ids))
  }

  /** Files the app holds outside the list, counted against the limits (see `hold`). */
  let heldElsewhere: readonly { readonly size: number; readonly fileId?: string }[] = []

  const whenIdle = () =>
    store.status === 'uploading'
      ? new Promise<void>((resolve) => idleWaiters.push(resolve))
      : Promise.resolve()

  const intake = createIntake({
    store,
    dispatch,
    constraintSets: () => [strategy.constraints, options.constraints ?? {}],
    messages: () => options.messages,
    metaFields: strategy.metaFields,
    keepSystemFiles: options.keepSystemFiles,
    heldElsewhere: () => heldElsewhere,
    onJudged({ added, rejected }) {
      for (const rejection of rejected) options.onFileRejected?.(rejection)
      if (added.length === 0 || destroyed) return
      if (adapter.mirrored) adapter.add(added.map(uppyInputOf))
      options.onFilesAdded?.({ files: added })
      if (options.autoUpload) begin(added.map((file) => file.id))
    },
  })

  const uppyInputOf = (file: FileInfo): UppyFileInput => {
    const relativePath = intake.relativePath(file.id)
    return {
      id: file.id,
      name: file.name,
      type: file.type,
      data: intake.blob(file.id) ?? new Blob([]),
      meta: { ...file.meta, ...(relativePath && { relativePath }) },
    }
  }

  const queue = createQueue({
    capacity: () => adapter.capacity(),
    flush: () => adapter.flush(),
    wanted: (id) => store.get(id)?.status === 'uploading',
    start: (ids) => steps.attempt(ids),
    ahead: intake.readAhead,
  })

  const steps = createSteps({
    store,
    dispatch,
    clock,
    policy,
    strategy,
    options,
    queue,
    adapter: () => adapter,
    uppyInput: uppyInputOf,
    readable: intake.readable,
    began: (id) => started.add(id),
  })
  const { attempts } = steps

  const adapter = createUppyAdapter(strategy, {
    ...steps.uppyEvents,
    debug: options.debug,
    offered: (sources) => void addFiles(sources),
    removed(id) {
      // Taken out by Uppy's own UI (the Dashboard's remove button, say).
      withdraw([id], false)
      dispatch({ type: 'unqueued', id })
      if (!store.get(id)) intake.forget(id)
      queue.refill()
    },
  })

  /** The labels of the required metadata fields `id` has left blank. */
  const missingMeta = (id: string) =>
    (strategy.metaFields ?? [])
      .filter(({ id: key, required }) => {
        const value = store.get(id)?.meta?.[key]
        return required && !(Array.isArray(value) ? value.length > 0 : String(value ?? '').trim())
      })
      .map((field) => field.label)

  /**
   * Marks the files `ids` as uploading and schedules them; each starts as room frees up. A file
   * missing required metadata fails at once, before any request: the server would refuse it
   * after its bytes were stored.
   */
  const begin = (all: readonly string[]) => {
    const ids = all.filter((id) => {
      const missing = missingMeta(id)
      if (missing.length > 0) {
        steps.fail(
          id,
          new AssetDropError('meta-missing', {
            fileId: id,
            params: { fields: missing.join(', ') },
          }),
        )
      }
      return missing.length === 0
    })
    if (ids.length === 0) return
    for (const id of ids) started.add(id)
    dispatch({ type: 'started', ids })
    queue.schedule(ids)
  }

  /** Takes files out of the upload: out of the schedule, and out of Uppy, aborting their steps. */
  const withdraw = (ids: readonly string[], fromUppy = true) => {
    for (const id of ids) {
      attempts.end(id, new AssetDropError('aborted', { fileId: id }))
      attempts.forget(id)
      queue.drop(id)
      intake.unread(id)
      adapter.release(id)
    }
    if (fromUppy) adapter.take(ids)
  }

  const onOnline = () => {
    dispatch({ type: 'connection', online: true })
    for (const item of store.items) {
      if (item.status === 'retrying' && item.retryAt === undefined) steps.resume(item.id)
    }
  }
  const onOffline = () => dispatch({ type: 'connection', online: false })

  /** Follows the browser's connection, from the first use on (never while rendering on a server). */
  const listen = () => {
    if (listening || destroyed || typeof window === 'undefined') return
    listening = true
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    dispatch({ type: 'connection', online: !isOffline() })
  }

  const addFiles = (files: Iterable<FileSource> | ArrayLike<FileSource>) => {
    if (destroyed) return Promise.reject(new Error('This uploader has been destroyed'))
    listen()
    return intake.add(files)
  }

  const listed = (statuses: readonly string[], fileId?: string) =>
    store.items
      .filter(
        (item) => (fileId === undefined || item.id === fileId) && statuses.includes(item.status),
      )
      .map((item) => item.id)

  return {
    get uppy() {
      listen()
      return adapter.mirror(
        store.items
          .filter((item) => item.status === 'queued' || item.status === 'failed')
          .map((item) => uppyInputOf(fileOf(item))),
      )
    },
    addFiles,
    async upload() {
      listen()
      await intake.idle()
      const ids = new Set(listed(['queued', 'uploading', 'retrying']))
      begin(listed(['queued']))
      await whenIdle()
      return outcomeOf(ids)
    },
    cancel(fileId) {
      const ids = listed(['queued', 'uploading', 'retrying', 'validating'], fileId)
      if (ids.length === 0) return
      withdraw(ids)
      dispatch({ type: 'cancelled', ids })
      queue.refill()
    },
    async retry(fileId) {
      // A file the server stored under an answer naming no asset is not sent again (stored twice).
      const ids = listed(['failed', 'retrying'], fileId).filter((id) => {
        const item = store.get(id)
        const code = item?.status === 'failed' ? item.error.code : undefined
        return intake.blob(id) && code !== 'answer-unrecognized'
      })
      if (ids.length === 0) return { assets: [], failed: [] }
      for (const id of ids) {
        attempts.restart(id)
        dispatch({ type: 'requeued', id })
      }
      begin(ids)
      await whenIdle()
      return outcomeOf(new Set(ids))
    },
    setMeta(fileId, meta) {
      dispatch({ type: 'meta-changed', id: fileId, meta })
      adapter.setMeta(fileId, meta)
    },
    getFile: (fileId) => intake.blob(fileId),
    async whenIdle() {
      await intake.idle()
      await whenIdle()
    },
    hold(files) {
      heldElsewhere = files
    },
    reset() {
      withdraw(store.items.map((item) => item.id))
      dispatch({ type: 'reset' })
      intake.clear()
    },
    remove(fileId) {
      withdraw([fileId])
      intake.forget(fileId)
      dispatch({ type: 'removed', id: fileId })
      queue.refill()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => store.snapshot(),
    destroy() {
      if (destroyed) return
      destroyed = true
      clock.clearTimeout(notifyTimer)
      attempts.clear()
      if (listening) {
        window.removeEventListener('online', onOnline)
        window.removeEventListener('offline', onOffline)
      }
      adapter.destroy()
      listeners.clear()
      intake.clear()
      queue.close()
    },
  }
}

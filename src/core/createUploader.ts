import Uppy, { type UppyFile } from '@uppy/core'
import type { AssetRecord, FileInfo } from './asset'
import {
  effectiveType,
  type FileConstraints,
  type FileRejection,
  loosenedLimits,
} from './constraints'
import { AssetDropError, isOffline } from './errors'
import { abortAttempt, toUploadError } from './failures'
import { withoutQuery } from './http'
import type { ErrorMessages } from './messages'
import { isRetryable, type RetryPolicy, retryDelay, retryPolicyOf } from './retry'
import { createUploaderStore, fileOf, type UploaderAction, type UploaderSnapshot } from './state'
import type { AssetBody, AssetMeta, AssetUppy, UploadStrategy } from './strategy'
import { fileInfo } from './uppyFile'
import { type ValidationCandidate, validateFiles } from './validation/validator'

/** A file that failed to upload, with why. */
export interface UploadFailure {
  /** The file that failed. */
  readonly file: FileInfo
  /** Why it failed. */
  readonly error: AssetDropError
}

/** What one upload run produced: the assets stored and the files that failed. */
export interface UploadOutcome {
  /** The asset records of the files stored, in the order they were added. */
  readonly assets: readonly AssetRecord[]
  /** The files that failed, with their errors. */
  readonly failed: readonly UploadFailure[]
}

/** What one call of `addFiles` did with each file. */
export interface AddFilesResult {
  /** The files queued for upload. */
  readonly added: readonly FileInfo[]
  /** The files refused, with their issues. */
  readonly rejected: readonly FileRejection[]
}

/** A file to add: a `File`, or a `Blob` with a name (and, from a dropped folder, its path). */
export type FileSource =
  | File
  | {
      readonly file: Blob & { readonly name: string; readonly lastModified?: number }
      readonly relativePath?: string
    }

/** Options of {@link createUploader}. */
export interface CreateUploaderOptions {
  /** The backend style to upload with, such as `multipartForm({ endpoint })`. */
  readonly strategy: UploadStrategy
  /**
   * The app's own limits. They can only tighten the strategy's: a looser number throws at
   * construction, and types must pass both lists.
   */
  readonly constraints?: FileConstraints
  /** Messages by code, replacing the English defaults (for other languages). */
  readonly messages?: Partial<ErrorMessages>
  /**
   * Whether files start uploading as soon as they are added.
   * @default false
   */
  readonly autoUpload?: boolean
  /**
   * How failed uploads are sent again and when a stalled one is given up; `false` sends each
   * file once. Network failures, stalls, 408, 429 (after its `Retry-After`) and 5xx are retried;
   * a 401 is retried once after the strategy's `refreshCredentials`; nothing else is.
   * @default { retries: 3, delay: 1000, maxDelay: 30000, stallTimeout: 30000 }
   */
  readonly retry?: RetryPolicy | false
  /** Called with the files queued by one add. */
  readonly onFilesAdded?: (event: { files: readonly FileInfo[] }) => void
  /** Called for each file refused before upload, with its issues. */
  readonly onFileRejected?: (event: FileRejection) => void
  /** Called for each file stored, with its asset record. */
  readonly onAssetUploaded?: (event: { asset: AssetRecord; file: FileInfo }) => void
  /** Called for each file that failed to upload, with its typed error. */
  readonly onUploadError?: (event: UploadFailure) => void
  /** Called when every upload under way has finished (retries included), with what they produced. */
  readonly onComplete?: (event: UploadOutcome) => void
}

/** An uploader: one Uppy instance, its files' state, and the actions on them. */
export interface Uploader {
  /**
   * The Uppy instance, for UI plugins such as the Dashboard. Reading it hands Uppy every listed
   * file, as such plugins need; until then Uppy holds only the files on their way, which keeps
   * adding and uploading thousands of files fast.
   */
  readonly uppy: AssetUppy
  /**
   * Validates files (name, type, size, content, images, duplicates, counts, custom rules) and
   * queues the valid ones; the others are listed as rejected. No byte of a rejected file is sent.
   */
  addFiles(files: Iterable<FileSource>): Promise<AddFilesResult>
  /**
   * Uploads every queued file; resolves when each has succeeded or failed for good (retries
   * included), with both lists. One file's failure never stops the others.
   */
  upload(): Promise<UploadOutcome>
  /** Cancels one file's upload, or every unfinished file's when no id is given. */
  cancel(fileId?: string): void
  /**
   * Uploads one failed file again (or one waiting to be retried, now), or every such file when
   * no id is given; it starts with a fresh retry budget.
   */
  retry(fileId?: string): Promise<UploadOutcome>
  /** Takes a file out of the list, cancelling its upload if it is on its way. */
  remove(fileId: string): void
  /** The bytes of a file in the list (for a thumbnail, say), while it is there. */
  getFile(fileId: string): Blob | undefined
  /** Cancels every upload and empties the list. */
  reset(): void
  /** Sets metadata of a file that has not uploaded yet, such as the title the end user typed. */
  setMeta(fileId: string, meta: NonNullable<FileInfo['meta']>): void
  /** Calls `listener` after every change of the snapshot; returns the function that stops it. */
  subscribe(listener: () => void): () => void
  /** The current state: the same object until something changes. */
  getSnapshot(): UploaderSnapshot
  /** Stops every upload and releases the Uppy instance. The uploader can't be used after. */
  destroy(): void
}

let uploaderCount = 0

/**
 * How many files Uppy holds for upload at a time, at least: it is refilled when half have gone,
 * which keeps its uploader's slots busy (up to twice their number is held) while each refill,
 * one Uppy upload run, serves many files.
 */
const minimumWindow = 16

/** How often progress alone is published to subscribers, in milliseconds. */
const progressInterval = 50

/** What one file's attempts have used up, and its timers. */
interface Attempts {
  /** Retries the policy has spent on it. */
  retries: number
  /** Whether its expired upload URL was renewed. */
  renewed: boolean
  /** Whether it was sent again after a credentials refresh. */
  reauthorized: boolean
  /** The count of credential refreshes when its current attempt started. */
  credentials: number
  /** When its current attempt last made progress (or started), from `performance.now()`. */
  lastProgress: number
  retryTimer?: ReturnType<typeof setTimeout> | undefined
  stallTimer?: ReturnType<typeof setTimeout> | undefined
}

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
  const constraintSets = [strategy.constraints, options.constraints ?? {}]
  const policy = retryPolicyOf(options.retry)
  const prefix = `f${++uploaderCount}-`
  let nextId = 0
  const listeners = new Set<() => void>()
  const store = createUploaderStore()
  let notifyTimer: ReturnType<typeof setTimeout> | undefined
  let instance: AssetUppy | undefined
  let destroyed = false
  /** Identity keys of the files held, by id, for duplicate checks. */
  const keys = new Map<string, string>()
  /** Our ids by Uppy's, and the reverse. */
  const idsByUppyId = new Map<string, string>()
  const uppyIdsById = new Map<string, string>()
  /** Blobs validated and being handed to Uppy, with our id for each. */
  const admitted = new WeakMap<Blob, string>()
  /** Each file's bytes, by id, while it is listed; and its folder path, if it came with one. */
  const blobs = new Map<string, Blob>()
  const paths = new Map<string, string>()
  /** Whether Uppy holds every listed file (for its UI plugins), not only those on their way. */
  let mirrored = false
  /** Files to upload that Uppy does not hold yet, in order. */
  const scheduled = new Set<string>()
  /** Files Uppy holds for their upload (unless mirrored), until their attempt is over. */
  const handed = new Set<string>()
  /** How many files Uppy holds for upload at most (see `minimumWindow`). */
  let windowSize = minimumWindow
  /**
   * Files whose attempt is over, to settle once Uppy's event handlers are done with them:
   * uploaded ones leave Uppy; failed ones stay parked there (a multipart upload keeps its parts
   * to resume from), with Uppy's error cleared so that its `upload()` leaves them alone.
   */
  const leaving = new Map<string, 'remove' | 'park'>()
  /** Whether a `pump` is due after the current task's handlers. */
  let pumpQueued = false
  /** Set while assetdrop itself takes files out of Uppy, which is not the end user cancelling. */
  let removing = false
  /** Validation runs still going, so `upload()` can wait for them. */
  const validations = new Set<Promise<unknown>>()
  /** Files Uppy's own UI tried to add, gathered for one validation run. */
  let intercepted: ValidationCandidate[] | undefined
  /** What each file's attempts have used up, and its timers. */
  const attempts = new Map<string, Attempts>()
  /** Counts credential refreshes; the one running, shared by every file refused meanwhile. */
  let credentials = 0
  let refreshing: Promise<void> | undefined
  /** Files started since the last time everything finished, for `onComplete`. */
  let started = new Set<string>()
  /** Calls waiting for every upload under way to finish. */
  const idleWaiters: (() => void)[] = []

  const initialMeta = (file: FileInfo): FileInfo['meta'] => {
    const fields = strategy.metaFields?.filter((field) => field.initial) ?? []
    if (fields.length === 0) return undefined
    return Object.fromEntries(fields.map((field) => [field.id, field.initial?.(file) ?? '']))
  }

  const notify = () => {
    clearTimeout(notifyTimer)
    notifyTimer = undefined
    for (const listener of [...listeners]) listener()
  }

  /** Applies `action`; subscribers hear of it at once, or within `progressInterval` for progress. */
  const dispatch = (action: UploaderAction) => {
    const before = store.status
    if (!store.apply(action)) return
    if (action.type !== 'progressed') notify()
    else notifyTimer ??= setTimeout(notify, progressInterval)
    if (before === 'uploading' && store.status !== 'uploading') finishedAll()
  }

  const itemOf = store.get
  const ourId = (file: { id: string } | undefined) => (file ? idsByUppyId.get(file.id) : undefined)

  const outcomeOf = (ids: ReadonlySet<string | undefined>): UploadOutcome => {
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

  const whenIdle = () =>
    store.status === 'uploading'
      ? new Promise<void>((resolve) => idleWaiters.push(resolve))
      : Promise.resolve()

  const attemptsOf = (id: string): Attempts => {
    let entry = attempts.get(id)
    if (!entry) {
      entry = { retries: 0, renewed: false, reauthorized: false, credentials, lastProgress: 0 }
      attempts.set(id, entry)
    }
    return entry
  }

  const stopTimers = (id: string) => {
    const entry = attempts.get(id)
    if (!entry) return
    clearTimeout(entry.retryTimer)
    clearTimeout(entry.stallTimer)
    entry.retryTimer = undefined
    entry.stallTimer = undefined
  }

  /** Drops what a file's attempts used up, with their timers: it is done, gone or starts afresh. */
  const forget = (id: string) => {
    stopTimers(id)
    attempts.delete(id)
  }

  /**
   * Starts the stall timer of an attempt: when it fires, an attempt with no progress for
   * `stallTimeout` is aborted. Progress only moves `lastProgress`, so it costs no timer.
   */
  const watchStall = (id: string, uppyId: string, wait = policy.stallTimeout) => {
    if (policy.stallTimeout === 0) return
    const entry = attemptsOf(id)
    clearTimeout(entry.stallTimer)
    entry.stallTimer = setTimeout(() => {
      entry.stallTimer = undefined
      if (itemOf(id)?.status !== 'uploading' || !instance) return
      const idle = performance.now() - entry.lastProgress
      if (idle < policy.stallTimeout) return watchStall(id, uppyId, policy.stallTimeout - idle)
      const seconds = Math.round(policy.stallTimeout / 1000)
      const error = new AssetDropError('timeout', { fileId: id, params: { seconds } })
      // No request to abort yet (the strategy is still preparing one): look again later.
      if (!abortAttempt(instance, uppyId, error)) watchStall(id, uppyId)
    }, wait)
  }

  const fail = (id: string, error: AssetDropError) => {
    stopTimers(id)
    dispatch({ type: 'failed', id, error })
    const item = itemOf(id)
    if (item?.status === 'failed') options.onUploadError?.({ file: fileOf(item), error })
  }

  /** Sends a file waiting to be retried again now, or keeps it waiting while offline. */
  const resume = (id: string) => {
    const item = itemOf(id)
    if (item?.status !== 'retrying') return
    if (isOffline()) {
      const { error, retries } = item
      dispatch({ type: 'retrying', id, error, retryAt: undefined, retries })
      return
    }
    // The file stays `retrying` until the attempt starts, so the run never looks finished between.
    if (blobs.has(id)) hand([id])
    else fail(id, item.error)
  }

  const retryAfter = (id: string, error: AssetDropError, delay: number) => {
    const entry = attemptsOf(id)
    const offline = isOffline()
    const retryAt = offline ? undefined : Date.now() + delay
    dispatch({ type: 'retrying', id, error, retryAt, retries: entry.retries })
    if (offline) return
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = undefined
      resume(id)
    }, delay)
  }

  /** One refresh of the credentials for every file refused since the last one began. */
  const refreshCredentials = (since: number): Promise<void> => {
    if (since < credentials) return Promise.resolve()
    refreshing ??= Promise.resolve()
      .then(() => strategy.refreshCredentials?.())
      .finally(() => {
        credentials += 1
        refreshing = undefined
      })
    return refreshing
  }

  /** An attempt failed: renew, refresh, wait for the connection, retry later, or fail for good. */
  const attemptFailed = (id: string, error: AssetDropError) => {
    // A file cancelled or removed meanwhile hears nothing more.
    if (itemOf(id)?.status !== 'uploading') return
    leave(id, 'park')
    const entry = attemptsOf(id)
    stopTimers(id)
    if (error.code === 'url-expired' && !entry.renewed) {
      // An upload URL that expired before or during the attempt is renewed once: the strategy
      // asks for a fresh one when the upload starts again.
      entry.renewed = true
      return retryAfter(id, error, 0)
    }
    if (error.status === 401 && strategy.refreshCredentials && !entry.reauthorized) {
      entry.reauthorized = true
      // Sent again as soon as the new credentials are there.
      dispatch({ type: 'retrying', id, error, retryAt: Date.now(), retries: entry.retries })
      refreshCredentials(entry.credentials).then(
        () => resume(id),
        (cause: unknown) => {
          if (itemOf(id)?.status === 'retrying') {
            fail(id, new AssetDropError('unauthorized', { fileId: id, status: 401, cause }))
          }
        },
      )
      return
    }
    // Offline, a failed request costs no retry: the file waits for the connection.
    if (isRetryable(error) && isOffline()) return retryAfter(id, error, 0)
    if (isRetryable(error) && entry.retries < policy.retries) {
      entry.retries += 1
      return retryAfter(id, error, retryDelay(policy, entry.retries, error))
    }
    fail(id, error)
  }

  const onOnline = () => {
    dispatch({ type: 'connection', online: true })
    for (const item of store.items) {
      if (item.status === 'retrying' && item.retryAt === undefined) resume(item.id)
    }
  }
  const onOffline = () => dispatch({ type: 'connection', online: false })

  const validate = async (candidates: readonly ValidationCandidate[]): Promise<AddFilesResult> => {
    dispatch({
      type: 'validating',
      files: candidates.map(({ id, file }) => ({
        id,
        name: file.name,
        type: file.type,
        size: file.size,
      })),
    })
    let held = 0
    let bytes = 0
    for (const item of store.items) {
      if (item.status === 'queued' || item.status === 'uploading' || item.status === 'succeeded') {
        held += 1
        bytes += item.size
      }
    }
    const outcome = await validateFiles(
      candidates,
      { count: held, bytes, keys: new Set(keys.values()) },
      constraintSets,
      options.messages,
    )
    // Files removed while they were being checked stay out.
    const accepted = outcome.accepted.filter((file) => itemOf(file.id)?.status === 'validating')
    const added = accepted.map(({ key: _, ...file }): FileInfo => {
      const typed = { ...file, type: effectiveType(file) }
      const meta = initialMeta(typed)
      return meta ? { ...typed, meta } : typed
    })
    dispatch({ type: 'validated', accepted: added, rejected: outcome.rejected })
    for (const file of accepted) keys.set(file.id, file.key)
    for (const rejection of outcome.rejected) options.onFileRejected?.(rejection)
    if (added.length > 0 && !destroyed) {
      const ids = added.map((file) => file.id)
      // With autoUpload, Uppy starts the files it holds itself (see `mirror`).
      if (mirrored) addToUppy(ids)
      options.onFilesAdded?.({ files: added })
      if (options.autoUpload && !mirrored) begin(ids)
    }
    return { added, rejected: outcome.rejected }
  }

  const track = <T>(promise: Promise<T>): Promise<T> => {
    validations.add(promise)
    void promise.finally(() => validations.delete(promise)).catch(() => {})
    return promise
  }

  const candidateOf = (source: FileSource): ValidationCandidate => {
    const id = `${prefix}${++nextId}`
    const candidate: ValidationCandidate =
      source instanceof Blob
        ? { id, file: source }
        : { id, file: source.file, relativePath: source.relativePath }
    blobs.set(id, candidate.file)
    if (candidate.relativePath) paths.set(id, candidate.relativePath)
    return candidate
  }

  const onBeforeFileAdded = (file: UppyFile<AssetMeta, AssetBody>): boolean => {
    if (file.data instanceof Blob && admitted.has(file.data)) return true
    // A file from Uppy's own UI (drop, paste, picker): validate it first, then add it back.
    if (file.data instanceof Blob) {
      const relativePath =
        typeof file.meta.relativePath === 'string' ? file.meta.relativePath : undefined
      const blob =
        file.data instanceof File ? file.data : Object.assign(file.data, { name: file.name ?? '' })
      const candidate = candidateOf({ file: blob, ...(relativePath && { relativePath }) })
      if (!intercepted) {
        intercepted = []
        const batch = intercepted
        queueMicrotask(() => {
          intercepted = undefined
          void track(validate(batch))
        })
      }
      intercepted.push(candidate)
    }
    return false
  }

  const createUppy = (): AssetUppy => {
    if (destroyed) throw new Error('This uploader has been destroyed')
    const uppy: AssetUppy = new Uppy<AssetMeta, AssetBody>({ onBeforeFileAdded })
    uppy.on('files-added', (files) => {
      for (const file of files) {
        const id = file.data instanceof Blob ? admitted.get(file.data) : undefined
        if (id === undefined) continue
        admitted.delete(file.data as Blob)
        idsByUppyId.set(file.id, id)
        uppyIdsById.set(id, file.id)
      }
    })
    uppy.on('upload-start', (files) => {
      const ids: string[] = []
      for (const file of files) {
        const id = ourId(file)
        if (id === undefined) continue
        ids.push(id)
        started.add(id)
        const entry = attemptsOf(id)
        entry.credentials = credentials
        entry.lastProgress = performance.now()
        watchStall(id, file.id)
      }
      dispatch({ type: 'started', ids })
    })
    uppy.on('upload-progress', (file, progress) => {
      const id = ourId(file)
      if (!id || !file) return
      dispatch({ type: 'progressed', id, bytesUploaded: progress.bytesUploaded })
      const entry = attempts.get(id)
      if (entry) entry.lastProgress = performance.now()
    })
    const succeed = (id: string, uploaded: AssetRecord) => {
      if (itemOf(id)?.status !== 'uploading') return
      forget(id)
      leave(id, 'remove')
      // Strategies see Uppy's file; the record names the widget's.
      const asset = { ...uploaded, fileId: id }
      dispatch({ type: 'succeeded', id, asset })
      const item = itemOf(id)
      if (item) options.onAssetUploaded?.({ asset, file: fileOf(item) })
    }
    uppy.on('upload-success', (file, response) => {
      const id = ourId(file)
      if (!id || !file) return
      const uploaded = response.body?.asset
      if (uploaded) return succeed(id, uploaded)
      stopTimers(id)
      // Uploaders other than the XHR glue (such as aws-s3) report the storage's answer: map it.
      const text = JSON.stringify(response.body ?? {})
      const answer = {
        status: response.status ?? 200,
        contentType: 'application/json',
        text,
        json: response.body,
        url: withoutQuery(response.uploadURL ?? ''),
      }
      void Promise.resolve()
        .then(() => strategy.toAsset(answer, fileInfo(file)))
        .then(
          (asset) => succeed(id, asset),
          (error: unknown) => attemptFailed(id, toUploadError(error, id)),
        )
    })
    uppy.on('upload-error', (file, error) => {
      const id = ourId(file)
      if (id) attemptFailed(id, toUploadError(error, id))
    })
    uppy.on('upload-retry', (file) => {
      const id = ourId(file)
      if (id) dispatch({ type: 'requeued', id })
    })
    uppy.on('file-removed', (file) => {
      const id = ourId(file)
      if (!id || removing) return
      // Taken out by Uppy's own UI (the Dashboard's remove button, say).
      idsByUppyId.delete(file.id)
      uppyIdsById.delete(id)
      handed.delete(id)
      forget(id)
      dispatch({ type: 'unqueued', id })
      if (!itemOf(id) || itemOf(id)?.status === 'cancelled') keys.delete(id)
    })
    if (typeof window !== 'undefined') {
      window.addEventListener('online', onOnline)
      window.addEventListener('offline', onOffline)
      dispatch({ type: 'connection', online: !isOffline() })
    }
    strategy.install(uppy)
    uppy.iteratePlugins((plugin) => {
      const { limit } = plugin.opts as { limit?: unknown }
      if (typeof limit === 'number' && limit > 0) windowSize = Math.max(windowSize, 2 * limit)
    })
    return uppy
  }

  const getUppy = () => {
    instance ??= createUppy()
    return instance
  }

  /** Hands Uppy the listed files `ids` that it does not hold yet. */
  const addToUppy = (ids: readonly string[]) => {
    const files = []
    for (const id of ids) {
      const item = itemOf(id)
      const blob = blobs.get(id)
      if (!item || !blob || uppyIdsById.has(id)) continue
      admitted.set(blob, id)
      const relativePath = paths.get(id)
      const meta = { ...item.meta, ...(relativePath && { relativePath }) }
      files.push({
        name: item.name,
        type: item.type,
        data: blob,
        source: 'assetdrop',
        meta: meta as Partial<AssetMeta> as AssetMeta,
      })
    }
    if (files.length > 0) getUppy().addFiles(files)
  }

  /** Takes files out of Uppy without treating it as a cancel by the end user. */
  const dropFromUppy = (ids: Iterable<string>) => {
    const uppyIds: string[] = []
    for (const id of ids) {
      const uppyId = uppyIdsById.get(id)
      if (uppyId === undefined) continue
      uppyIds.push(uppyId)
      uppyIdsById.delete(id)
      idsByUppyId.delete(uppyId)
    }
    if (!instance || uppyIds.length === 0) return
    removing = true
    try {
      instance.removeFiles(uppyIds)
    } finally {
      removing = false
    }
  }

  /**
   * A file's attempt is over: unless Uppy mirrors the list, the file leaves Uppy (`remove`) or
   * stays parked there (`park`), and the next scheduled file takes its place.
   */
  const leave = (id: string, how: 'remove' | 'park') => {
    if (mirrored || !handed.delete(id)) return
    leaving.set(id, how)
    if (pumpQueued) return
    pumpQueued = true
    queueMicrotask(() => {
      pumpQueued = false
      pump()
    })
  }

  const flushLeaving = () => {
    if (leaving.size === 0) return
    const gone: string[] = []
    const parked: Record<string, { error: null }> = {}
    for (const [id, how] of leaving) {
      const uppyId = uppyIdsById.get(id)
      if (how === 'remove') gone.push(id)
      else if (instance && uppyId && instance.getFile(uppyId)) parked[uppyId] = { error: null }
    }
    leaving.clear()
    dropFromUppy(gone)
    if (instance && Object.keys(parked).length > 0) instance.patchFilesState(parked)
  }

  /** Starts an attempt in Uppy for each of the files `ids`, handing over those it lacks. */
  const hand = (ids: readonly string[]) => {
    if (ids.length === 0 || destroyed) return
    flushLeaving()
    const uppy = getUppy()
    const fresh: string[] = []
    for (const id of ids) {
      handed.add(id)
      const uppyId = uppyIdsById.get(id)
      // A file Uppy still holds (parked after a failed attempt) resumes where it stopped.
      if (uppyId && uppy.getFile(uppyId)) void uppy.retryUpload(uppyId).catch(() => {})
      else fresh.push(id)
    }
    if (fresh.length === 0) return
    addToUppy(fresh)
    // Every other file Uppy holds is on its way or parked, so this starts just the fresh ones.
    void uppy.upload().catch(() => {})
  }

  /**
   * Hands Uppy the next scheduled files once half the window (or all of it) has room. The files
   * whose attempt is over leave Uppy then, together: one removal for many files, as each costs a
   * copy of Uppy's file map and its events.
   */
  const pump = () => {
    if (!mirrored && handed.size > windowSize / 2 && scheduled.size > 0) return
    flushLeaving()
    if (!mirrored && handed.size > windowSize / 2) return
    const room = mirrored ? Number.POSITIVE_INFINITY : windowSize - handed.size
    const next: string[] = []
    for (const id of scheduled) {
      if (next.length >= room) break
      scheduled.delete(id)
      if (itemOf(id)?.status === 'uploading') next.push(id)
    }
    hand(next)
  }

  /** Marks the files `ids` as uploading and schedules them; Uppy gets them as room frees up. */
  const begin = (ids: readonly string[]) => {
    if (ids.length === 0) return
    for (const id of ids) {
      started.add(id)
      scheduled.add(id)
    }
    dispatch({ type: 'started', ids })
    pump()
  }

  /** From now on Uppy holds every listed file, as UI plugins such as the Dashboard need. */
  const mirror = (): AssetUppy => {
    const uppy = getUppy()
    if (mirrored) return uppy
    mirrored = true
    uppy.setOptions({ autoProceed: options.autoUpload ?? false })
    addToUppy(
      store.items
        .filter((item) => item.status === 'queued' || item.status === 'failed')
        .map((item) => item.id),
    )
    pump()
    return uppy
  }

  /** Takes files out of the upload: out of the schedule, and out of Uppy, aborting their requests. */
  const withdraw = (ids: readonly string[]) => {
    for (const id of ids) {
      forget(id)
      scheduled.delete(id)
      handed.delete(id)
      leaving.delete(id)
    }
    dropFromUppy(ids)
  }

  const settle = async (running: Set<Promise<unknown>>) => {
    while (running.size > 0) await Promise.allSettled([...running])
  }

  const idsOf = (files: readonly { id: string }[] | undefined) => (files ?? []).map(ourId)

  return {
    get uppy() {
      return mirror()
    },
    addFiles(files) {
      return track(validate(Array.from(files, candidateOf)))
    },
    async upload() {
      await settle(validations)
      const ids = new Set<string | undefined>()
      const queued: string[] = []
      for (const item of store.items) {
        if (item.status === 'queued') queued.push(item.id)
        if (item.status === 'queued' || item.status === 'uploading' || item.status === 'retrying')
          ids.add(item.id)
      }
      if (mirrored) {
        const result = await getUppy().upload()
        for (const id of [...idsOf(result?.successful), ...idsOf(result?.failed)]) ids.add(id)
      } else begin(queued)
      await whenIdle()
      return outcomeOf(ids)
    },
    cancel(fileId) {
      const ids = store.items
        .filter(
          (item) =>
            (fileId === undefined || item.id === fileId) &&
            (item.status === 'queued' ||
              item.status === 'uploading' ||
              item.status === 'retrying' ||
              item.status === 'validating'),
        )
        .map((item) => item.id)
      if (ids.length === 0) return
      withdraw(ids)
      dispatch({ type: 'cancelled', ids })
      for (const id of ids) keys.delete(id)
      pump()
    },
    async retry(fileId) {
      const ids = store.items
        .filter(
          (item) =>
            (fileId === undefined || item.id === fileId) &&
            (item.status === 'failed' || item.status === 'retrying') &&
            blobs.has(item.id),
        )
        .map((item) => item.id)
      if (ids.length === 0) return { assets: [], failed: [] }
      for (const id of ids) {
        forget(id)
        dispatch({ type: 'requeued', id })
      }
      if (mirrored) {
        const uppy = getUppy()
        const uppyId = fileId === undefined ? undefined : uppyIdsById.get(fileId)
        await (uppyId === undefined ? uppy.retryAll() : uppy.retryUpload(uppyId))
      } else begin(ids)
      await whenIdle()
      return outcomeOf(new Set(ids))
    },
    setMeta(fileId, meta) {
      const uppyId = uppyIdsById.get(fileId)
      dispatch({ type: 'meta-changed', id: fileId, meta })
      if (instance && uppyId && instance.getFile(uppyId)) {
        instance.setFileMeta(uppyId, { ...instance.getFile(uppyId).meta, ...meta })
      }
    },
    getFile: (fileId) => blobs.get(fileId),
    reset() {
      withdraw([...uppyIdsById.keys(), ...scheduled, ...attempts.keys()])
      dispatch({ type: 'reset' })
      keys.clear()
      blobs.clear()
      paths.clear()
    },
    remove(fileId) {
      withdraw([fileId])
      blobs.delete(fileId)
      paths.delete(fileId)
      dispatch({ type: 'removed', id: fileId })
      keys.delete(fileId)
      pump()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => store.snapshot(),
    destroy() {
      if (destroyed) return
      destroyed = true
      clearTimeout(notifyTimer)
      for (const id of attempts.keys()) stopTimers(id)
      if (instance && typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline)
        window.removeEventListener('offline', onOffline)
      }
      instance?.destroy()
      instance = undefined
      listeners.clear()
      blobs.clear()
      paths.clear()
      scheduled.clear()
    },
  }
}

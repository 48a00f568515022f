import Uppy, { type UploadResult, type UppyFile } from '@uppy/core'
import type { AssetRecord, FileInfo } from './asset'
import { checkFile, type FileConstraints, type FileRejection } from './constraints'
import type { AssetDropError } from './errors'
import { toUploadError } from './failures'
import { emptySnapshot, reduceUploader, type UploaderAction, type UploaderSnapshot } from './state'
import type { AssetBody, AssetMeta, AssetUppy, UploadStrategy } from './strategy'
import { fileInfo } from './xhr'

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

/** Options of {@link createUploader}. */
export interface CreateUploaderOptions {
  /** The backend style to upload with, such as `multipartForm({ endpoint })`. */
  readonly strategy: UploadStrategy
  /** The app's own limits; they can only tighten the strategy's. */
  readonly constraints?: FileConstraints
  /**
   * Whether files start uploading as soon as they are added.
   * @default false
   */
  readonly autoUpload?: boolean
  /** Called with the files queued by one add. */
  readonly onFilesAdded?: (event: { files: readonly FileInfo[] }) => void
  /** Called for each file refused before upload, with its issues. */
  readonly onFileRejected?: (event: FileRejection) => void
  /** Called for each file stored, with its asset record. */
  readonly onAssetUploaded?: (event: { asset: AssetRecord; file: FileInfo }) => void
  /** Called for each file that failed to upload, with its typed error. */
  readonly onUploadError?: (event: UploadFailure) => void
  /** Called when an upload run has finished, with everything it produced. */
  readonly onComplete?: (event: UploadOutcome) => void
}

/** An uploader: one Uppy instance, its files' state, and the actions on them. */
export interface Uploader {
  /** The Uppy instance, created on first use; for UI plugins such as the Dashboard. */
  readonly uppy: AssetUppy
  /** Validates files and queues the valid ones; the invalid ones are listed as rejected. */
  addFiles(files: Iterable<File>): AddFilesResult
  /** Uploads every queued file (and retries failed ones); resolves when all have finished. */
  upload(): Promise<UploadOutcome>
  /** Cancels one file's upload, or every unfinished file's when no id is given. */
  cancel(fileId?: string): void
  /** Uploads one failed file again, or every failed file when no id is given. */
  retry(fileId?: string): Promise<UploadOutcome>
  /** Takes a file out of the list, cancelling its upload if it is on its way. */
  remove(fileId: string): void
  /** Calls `listener` after every change of the snapshot; returns the function that stops it. */
  subscribe(listener: () => void): () => void
  /** The current state: the same object until something changes. */
  getSnapshot(): UploaderSnapshot
  /** Stops every upload and releases the Uppy instance. The uploader can't be used after. */
  destroy(): void
}

let rejectionCount = 0

/**
 * Creates an uploader for one backend style. Nothing touches the browser until the uploader is
 * first used, so it is safe to create during server rendering.
 */
export function createUploader(options: CreateUploaderOptions): Uploader {
  const { strategy } = options
  const constraintSets = [strategy.constraints, options.constraints ?? {}]
  const listeners = new Set<() => void>()
  let snapshot = emptySnapshot
  let instance: AssetUppy | undefined
  let destroyed = false
  let pendingRejections: FileRejection[] | undefined

  const dispatch = (action: UploaderAction) => {
    const next = reduceUploader(snapshot, action)
    if (next === snapshot) return
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  const itemOf = (id: string) => snapshot.items.find((item) => item.id === id)

  const outcomeOf = (result: UploadResult<AssetMeta, AssetBody> | undefined): UploadOutcome => {
    const ids = new Set([...(result?.successful ?? []), ...(result?.failed ?? [])].map((f) => f.id))
    const assets: AssetRecord[] = []
    const failed: UploadFailure[] = []
    for (const item of snapshot.items) {
      if (!ids.has(item.id)) continue
      if (item.status === 'succeeded') assets.push(item.asset)
      if (item.status === 'failed') failed.push({ file: fileOfItem(item), error: item.error })
    }
    return { assets, failed }
  }

  const reject = (file: FileInfo, issues: FileRejection['issues']) => {
    const rejection: FileRejection = {
      file: { ...file, id: `${file.id}~rejected-${++rejectionCount}` },
      issues,
    }
    pendingRejections?.push(rejection)
    dispatch({ type: 'rejected', file: rejection.file, issues })
    options.onFileRejected?.(rejection)
  }

  const onBeforeFileAdded = (
    file: UppyFile<AssetMeta, AssetBody>,
    files: Record<string, UppyFile<AssetMeta, AssetBody>>,
  ): boolean => {
    // Judge the type the browser reported, not Uppy's guess from the extension.
    const info = { ...fileInfo(file), type: file.data instanceof Blob ? file.data.type : file.type }
    if (Object.hasOwn(files, file.id)) {
      reject(info, [{ code: 'duplicate', message: 'This file has already been added', params: {} }])
      return false
    }
    const issues = checkFile(info, ...constraintSets)
    if (issues.length > 0) {
      reject(info, issues)
      return false
    }
    return true
  }

  const createUppy = (): AssetUppy => {
    if (destroyed) throw new Error('This uploader has been destroyed')
    const uppy: AssetUppy = new Uppy<AssetMeta, AssetBody>({
      autoProceed: options.autoUpload ?? false,
      onBeforeFileAdded,
    })
    uppy.on('files-added', (files) => {
      const infos = files.map(fileInfo)
      dispatch({ type: 'added', files: infos })
      if (infos.length > 0) options.onFilesAdded?.({ files: infos })
    })
    uppy.on('upload-start', (files) => dispatch({ type: 'started', ids: files.map((f) => f.id) }))
    uppy.on('upload-progress', (file, progress) => {
      if (file) dispatch({ type: 'progressed', id: file.id, bytesUploaded: progress.bytesUploaded })
    })
    uppy.on('upload-success', (file, response) => {
      const asset = response.body?.asset
      if (!file || !asset) return
      dispatch({ type: 'succeeded', id: file.id, asset })
      options.onAssetUploaded?.({ asset, file: fileInfo(file) })
    })
    uppy.on('upload-error', (file, error) => {
      if (!file || itemOf(file.id)?.status !== 'uploading') return
      const typed = toUploadError(error, file.id)
      dispatch({ type: 'failed', id: file.id, error: typed })
      options.onUploadError?.({ file: fileInfo(file), error: typed })
    })
    uppy.on('upload-retry', (file) => {
      if (file) dispatch({ type: 'retrying', id: file.id })
    })
    uppy.on('file-removed', (file) => dispatch({ type: 'unqueued', id: file.id }))
    uppy.on('complete', (result) => options.onComplete?.(outcomeOf(result)))
    strategy.install(uppy)
    return uppy
  }

  const getUppy = () => {
    instance ??= createUppy()
    return instance
  }

  return {
    get uppy() {
      return getUppy()
    },
    addFiles(files) {
      const uppy = getUppy()
      const before = new Set(Object.keys(uppy.getState().files))
      pendingRejections = []
      try {
        uppy.addFiles(
          Array.from(files, (file) => ({
            name: file.name,
            type: file.type,
            data: file,
            source: 'assetdrop',
          })),
        )
        const added = uppy
          .getFiles()
          .filter((file) => !before.has(file.id))
          .map(fileInfo)
        return { added, rejected: pendingRejections }
      } finally {
        pendingRejections = undefined
      }
    },
    async upload() {
      return outcomeOf(await getUppy().upload())
    },
    cancel(fileId) {
      if (!instance) return
      const ids = snapshot.items
        .filter(
          (item) =>
            (fileId === undefined || item.id === fileId) &&
            (item.status === 'queued' || item.status === 'uploading'),
        )
        .map((item) => item.id)
      dispatch({ type: 'cancelled', ids })
      for (const id of ids) if (instance.getFile(id)) instance.removeFile(id)
    },
    async retry(fileId) {
      const uppy = getUppy()
      return outcomeOf(await (fileId === undefined ? uppy.retryAll() : uppy.retryUpload(fileId)))
    },
    remove(fileId) {
      dispatch({ type: 'removed', id: fileId })
      if (instance?.getFile(fileId)) instance.removeFile(fileId)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    destroy() {
      if (destroyed) return
      destroyed = true
      instance?.destroy()
      instance = undefined
      listeners.clear()
    },
  }
}

function fileOfItem(item: FileInfo): FileInfo {
  return { id: item.id, name: item.name, type: item.type, size: item.size }
}

import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { type CreateUploaderOptions, createUploader, type Uploader } from '../core/createUploader'
import type { UploaderSnapshot } from '../core/state'
import type { UploadStrategy } from '../core/strategy'

/** Options of {@link useUploader}; read once when the widget mounts (change its `key` to start over), except the callbacks, which may change freely. */
export type UseUploaderOptions = Omit<CreateUploaderOptions, 'strategy'>

/** The state of an uploader and the actions on it. */
export interface UseUploaderResult extends UploaderSnapshot {
  /** The uploader itself, for UI plugins and advanced use. */
  readonly uploader: Uploader
  /** Validates files and queues the valid ones. */
  readonly addFiles: Uploader['addFiles']
  /** Uploads every queued file. */
  readonly upload: Uploader['upload']
  /** Cancels one file, or every unfinished file. */
  readonly cancel: Uploader['cancel']
  /** Uploads one failed file again, or every failed file. */
  readonly retry: Uploader['retry']
  /** Takes a file out of the list. */
  readonly remove: Uploader['remove']
}

/**
 * The headless hook over {@link createUploader}: one uploader per mounted widget, created once and
 * destroyed once on unmount (also under StrictMode), with its state through `useSyncExternalStore`.
 */
export function useUploader(
  strategy: UploadStrategy,
  options: UseUploaderOptions = {},
): UseUploaderResult {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  const [uploader] = useState(() =>
    createUploader({
      ...options,
      strategy,
      onFilesAdded: (event) => latest.current.onFilesAdded?.(event),
      onFileRejected: (event) => latest.current.onFileRejected?.(event),
      onAssetUploaded: (event) => latest.current.onAssetUploaded?.(event),
      onUploadError: (event) => latest.current.onUploadError?.(event),
      onComplete: (event) => latest.current.onComplete?.(event),
    }),
  )

  // StrictMode runs effects twice (set up, clean up, set up) on one mount; destroying in the
  // cleanup would leave the kept uploader dead. Destroy a tick later, unless set up again.
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    clearTimeout(pendingDestroy.current)
    return () => {
      pendingDestroy.current = setTimeout(() => uploader.destroy(), 0)
    }
  }, [uploader])

  const snapshot = useSyncExternalStore(
    uploader.subscribe,
    uploader.getSnapshot,
    uploader.getSnapshot,
  )

  return {
    ...snapshot,
    uploader,
    addFiles: uploader.addFiles,
    upload: uploader.upload,
    cancel: uploader.cancel,
    retry: uploader.retry,
    remove: uploader.remove,
  }
}

/**
 * The headless hook: the uploader's state through `useSyncExternalStore`, drag-and-drop, the file
 * and folder inputs' prop getters, and the field's value (`value`/`onChange`, removals,
 * single-file replacement). Kept in one file (about 400 lines) because the value logic reads the
 * same snapshot and refs the prop getters do; split, each half would need the other's internals.
 */
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type RefCallback,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import type { AssetRecord } from '../core/asset'
import { filesFromDataTransfer } from '../core/dataTransfer'
import { createEtaEstimator } from '../core/eta'
import type { UploadStrategy } from '../core/strategy'
import {
  type CreateUploaderOptions,
  createUploader,
  type Uploader,
} from '../core/uploader/createUploader'
import type { UploaderSnapshot } from '../core/uploader/store'

/** Options of {@link useUploader}; read once when the widget mounts (change its `key` to start over), except the callbacks, which may change freely. */
export interface UseUploaderOptions extends Omit<CreateUploaderOptions, 'strategy'> {
  /**
   * An uploader made with `createUploader`, to share one between widgets or drive it from
   * outside. The hook then neither creates nor destroys one, and the callbacks here are not used.
   */
  readonly uploader?: Uploader
  /**
   * The assets the field holds, for a controlled widget (an edit form shows the ones a record
   * already has); pair it with `onChange`. Each upload is added to it; `maxFiles` counts it.
   */
  readonly value?: readonly AssetRecord[]
  /** The assets the field starts with, for an uncontrolled widget. */
  readonly defaultValue?: readonly AssetRecord[]
  /** Called with the field's new assets after an upload, or after one is removed. */
  readonly onChange?: (value: readonly AssetRecord[]) => void
  /**
   * Called before an asset leaves the field (a server-side delete, say); while it runs the asset
   * shows as being removed, and if it fails the asset stays, with the error.
   */
  readonly onRemoveAsset?: (asset: AssetRecord) => void | Promise<void>
  /**
   * Whether the field takes several files; with `false` the picker takes one, and a new file
   * replaces the current one once it has uploaded (the old asset leaves through `onRemoveAsset`).
   * @default true
   */
  readonly multiple?: boolean
}

/** Where an asset of the field stands while it is being removed. */
export interface AssetRemoval {
  /** Whether `onRemoveAsset` is running. */
  readonly pending: boolean
  /** Why it failed, when it did. */
  readonly error?: unknown
}

/** Props for the element files are dropped or pasted on. */
export interface DropRootProps {
  onDragEnter: (event: DragEvent<HTMLElement>) => void
  onDragOver: (event: DragEvent<HTMLElement>) => void
  onDragLeave: (event: DragEvent<HTMLElement>) => void
  onDrop: (event: DragEvent<HTMLElement>) => void
  onPaste: (event: ClipboardEvent<HTMLElement>) => void
  'data-drag-active': boolean
}

/** Props for the (hidden) file input that `open()` clicks. */
export interface FileInputProps {
  type: 'file'
  multiple: boolean
  accept?: string
  tabIndex: -1
  hidden: true
  ref: RefCallback<HTMLInputElement>
  onChange: (event: ChangeEvent<HTMLInputElement>) => void
}

/** Props for the (hidden) folder input that `openFolder()` clicks: it picks a whole folder. */
export interface FolderInputProps extends Omit<FileInputProps, 'accept'> {
  webkitdirectory: ''
}

/** The state of an uploader and the actions on it. */
export interface UseUploaderResult extends UploaderSnapshot {
  /** The uploader itself, for UI plugins and advanced use. */
  readonly uploader: Uploader
  /** How much of the files on their way or done has been sent, from 0 to 100. */
  readonly percent: number
  /** About how many seconds the files on their way need, once the speed is known. */
  readonly etaSeconds: number | undefined
  /** Whether files are being dragged over the drop root. */
  readonly isDragActive: boolean
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
  /** Cancels everything and empties the list. */
  readonly reset: Uploader['reset']
  /** Opens the browser's file picker. */
  readonly open: () => void
  /** Opens the browser's folder picker; each file keeps its path inside the folder. */
  readonly openFolder: () => void
  /** Props for the element files are dropped or pasted on (folders included). */
  readonly getRootProps: () => DropRootProps
  /** Props for the file input. */
  readonly getInputProps: () => FileInputProps
  /** Props for the folder input (render it to offer `openFolder`). */
  readonly getFolderInputProps: () => FolderInputProps
  /** The field's assets: those it started with or was given, and each upload since. */
  readonly value: readonly AssetRecord[]
  /** Takes an asset out of the field, through `onRemoveAsset` when given. */
  readonly removeAsset: (asset: AssetRecord) => Promise<void>
  /** Where each asset being removed stands, by {@link assetKey}. */
  readonly removals: ReadonlyMap<string, AssetRemoval>
  /** Whether files are being checked, uploaded or waiting to be retried: a form waits for them. */
  readonly isUploading: boolean
  /** Resolves once nothing is being checked, uploaded or retried (see `Uploader.whenIdle`). */
  readonly whenIdle: () => Promise<void>
}

/** An asset's identity in a field: its id and the file it came from. */
export const assetKey = (asset: AssetRecord): string => `${asset.id}\u0000${asset.fileId}`

/**
 * The headless hook over {@link createUploader}: one uploader per mounted widget, created once and
 * destroyed once on unmount (also under StrictMode), its state through `useSyncExternalStore`,
 * and prop getters for a drop root and a file input. Nothing touches `window` while rendering.
 * `constraints`, `autoUpload` and `messages` are read as they are used, so later values apply;
 * `strategy` and the other options are read once (a new `key` on the widget changes them).
 */
export function useUploader(
  strategy: UploadStrategy,
  options: UseUploaderOptions = {},
): UseUploaderResult {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  const [uploader] = useState(
    () =>
      options.uploader ??
      createUploader({
        ...options,
        strategy,
        // Read when they are used, so what the widget renders with now applies: a switched
        // language, a changed limit, autoUpload turned on.
        get messages() {
          return latest.current.messages ?? {}
        },
        get constraints() {
          return latest.current.constraints ?? {}
        },
        get autoUpload() {
          return latest.current.autoUpload ?? false
        },
        onFilesAdded: (event) => latest.current.onFilesAdded?.(event),
        onFileRejected: (event) => latest.current.onFileRejected?.(event),
        onAssetUploaded: (event) => latest.current.onAssetUploaded?.(event),
        onUploadError: (event) => latest.current.onUploadError?.(event),
        onComplete: (event) => latest.current.onComplete?.(event),
      }),
  )
  const owned = options.uploader === undefined

  // StrictMode runs effects twice (set up, clean up, set up) on one mount; destroying in the
  // cleanup would leave the kept uploader dead. Destroy a tick later, unless set up again.
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    if (!owned) return
    clearTimeout(pendingDestroy.current)
    return () => {
      pendingDestroy.current = setTimeout(() => uploader.destroy(), 0)
    }
  }, [uploader, owned])

  const snapshot = useSyncExternalStore(
    uploader.subscribe,
    uploader.getSnapshot,
    uploader.getSnapshot,
  )
  const single = options.multiple === false
  const controlled = options.value !== undefined
  const [inner, setInner] = useState<readonly AssetRecord[]>(() => options.defaultValue ?? [])
  const value = (controlled ? options.value : inner) ?? []
  // The latest value, ahead of rendering: two uploads that finish before the next render both
  // join it. It follows `value` whenever the parent passes a new one.
  const current = useRef(value)
  const passed = useRef(options.value)
  if (controlled && options.value !== passed.current) {
    passed.current = options.value
    current.current = value
  }
  const [removals, setRemovals] = useState<ReadonlyMap<string, AssetRemoval>>(() => new Map())
  const change = useCallback(
    (next: readonly AssetRecord[]) => {
      current.current = next
      if (!controlled) setInner(next)
      latest.current.onChange?.(next)
    },
    [controlled],
  )
  const setRemoval = useCallback((key: string, removal: AssetRemoval | undefined) => {
    setRemovals((previous) => {
      const next = new Map(previous)
      if (removal) next.set(key, removal)
      else next.delete(key)
      return next
    })
  }, [])
  const removeAsset = useCallback(
    async (asset: AssetRecord) => {
      const key = assetKey(asset)
      setRemoval(key, { pending: true })
      try {
        await latest.current.onRemoveAsset?.(asset)
      } catch (error) {
        setRemoval(key, { pending: false, error })
        return
      }
      setRemoval(key, undefined)
      change(current.current.filter((held) => assetKey(held) !== key))
      // An upload of this widget leaves its list too.
      if (uploader.getSnapshot().items.some((item) => item.id === asset.fileId)) {
        uploader.remove(asset.fileId)
      }
    },
    [change, setRemoval, uploader],
  )

  // Each upload joins the field once; in single-file mode it replaces what the field held.
  const joined = useRef(new Set<string>())
  useEffect(() => {
    const fresh = snapshot.items.flatMap((item) =>
      item.status === 'succeeded' && !joined.current.has(item.id) ? [item.asset] : [],
    )
    if (fresh.length === 0) return
    for (const asset of fresh) joined.current.add(asset.fileId)
    const replaced = single ? current.current : []
    change([...current.current, ...(single ? fresh.slice(-1) : fresh)])
    for (const asset of replaced) void removeAsset(asset)
  }, [snapshot.items, single, change, removeAsset])

  // An upload joins the value in an effect, a render after its row says "Uploaded": show it in
  // the value from that same render, so the two never disagree.
  const joining = snapshot.items.flatMap((item) =>
    item.status === 'succeeded' && !joined.current.has(item.id) ? [item.asset] : [],
  )
  const shown = joining.length === 0 ? value : single ? joining.slice(-1) : [...value, ...joining]

  // What the field holds besides this widget's own uploads counts against `maxFiles`; in
  // single-file mode a new file replaces it, so nothing does.
  useEffect(() => {
    uploader.hold(single ? [] : value)
  }, [uploader, value, single])

  /** Adds files; in single-file mode only the first, in place of any not yet uploaded. */
  const addFiles = useCallback<Uploader['addFiles']>(
    (files) => {
      if (!single) return uploader.addFiles(files)
      const first = Array.from(files as ArrayLike<File>).slice(0, 1)
      for (const item of uploader.getSnapshot().items) {
        if (item.status !== 'succeeded') uploader.remove(item.id)
      }
      return uploader.addFiles(first)
    },
    [single, uploader],
  )

  const [eta] = useState(() => createEtaEstimator())
  // One sample per snapshot, so other re-renders (such as drag state) do not skew the speed.
  const etaSeconds = useMemo(
    () =>
      snapshot.status === 'uploading'
        ? eta.update(Date.now(), snapshot.bytesUploaded, snapshot.bytesTotal)
        : undefined,
    [eta, snapshot],
  )

  const [isDragActive, setDragActive] = useState(false)
  const dragDepth = useRef(0)
  const input = useRef<HTMLInputElement | null>(null)
  const folderInput = useRef<HTMLInputElement | null>(null)

  const addFrom = useCallback(
    (dataTransfer: DataTransfer | null) => {
      if (dataTransfer) void filesFromDataTransfer(dataTransfer).then((files) => addFiles(files))
    },
    [addFiles],
  )

  const getRootProps = useCallback(
    (): DropRootProps => ({
      onDragEnter: (event) => {
        event.preventDefault()
        dragDepth.current += 1
        setDragActive(true)
      },
      onDragOver: (event) => {
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      },
      onDragLeave: () => {
        dragDepth.current = Math.max(0, dragDepth.current - 1)
        if (dragDepth.current === 0) setDragActive(false)
      },
      onDrop: (event) => {
        event.preventDefault()
        dragDepth.current = 0
        setDragActive(false)
        addFrom(event.dataTransfer)
      },
      onPaste: (event) => {
        if (event.clipboardData?.files.length) {
          event.preventDefault()
          addFrom(event.clipboardData)
        }
      },
      'data-drag-active': isDragActive,
    }),
    [addFrom, isDragActive],
  )

  const accept = acceptAttribute(strategy, options)
  const getInputProps = useCallback(
    (): FileInputProps => ({
      type: 'file',
      multiple: !single,
      ...(accept && { accept }),
      tabIndex: -1,
      hidden: true,
      ref: (element) => {
        input.current = element
      },
      onChange: (event) => {
        const files = Array.from(event.currentTarget.files ?? [])
        // Clear it, so choosing the same file again is noticed.
        event.currentTarget.value = ''
        if (files.length > 0) void addFiles(files)
      },
    }),
    [accept, addFiles, single],
  )
  const getFolderInputProps = useCallback(
    (): FolderInputProps => ({
      type: 'file',
      multiple: true,
      webkitdirectory: '',
      tabIndex: -1,
      hidden: true,
      ref: (element) => {
        folderInput.current = element
      },
      onChange: (event) => {
        const files = Array.from(event.currentTarget.files ?? [])
        event.currentTarget.value = ''
        // Each File carries its path inside the folder in `webkitRelativePath`.
        if (files.length > 0) void addFiles(files)
      },
    }),
    [addFiles],
  )

  return {
    ...snapshot,
    uploader,
    percent:
      snapshot.bytesTotal > 0
        ? Math.round((snapshot.bytesUploaded / snapshot.bytesTotal) * 100)
        : 0,
    etaSeconds,
    isDragActive,
    addFiles,
    upload: uploader.upload,
    cancel: uploader.cancel,
    retry: uploader.retry,
    remove: uploader.remove,
    reset: uploader.reset,
    open: useCallback(() => input.current?.click(), []),
    openFolder: useCallback(() => folderInput.current?.click(), []),
    getRootProps,
    getInputProps,
    getFolderInputProps,
    value: shown,
    removeAsset,
    removals,
    isUploading: snapshot.status !== 'idle',
    whenIdle: uploader.whenIdle,
  }
}

/** The `accept` attribute from the allowed types, when both the strategy and the app agree on a list. */
function acceptAttribute(
  strategy: UploadStrategy,
  options: UseUploaderOptions,
): string | undefined {
  const lists = [strategy.constraints.allowedTypes, options.constraints?.allowedTypes].filter(
    (list): list is readonly string[] => list !== undefined,
  )
  // With two lists, offering only the app's (the narrower) keeps the picker honest.
  const list = lists.at(-1)
  return list ? list.join(',') : undefined
}

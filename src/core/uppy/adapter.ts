/**
 * The only module of the core that knows Uppy: it owns the Uppy instance, installs the strategy
 * on it, hands it the files to send, takes them out again, and turns Uppy's events into the
 * engine's calls. Uppy's file ids are the widget's ids (set as files are admitted), so nothing
 * here maps one id to another. About 340 lines, kept whole: every Uppy event and call the
 * engine depends on is in this one file, so an Uppy upgrade is checked here.
 */
import Uppy, { debugLogger } from '@uppy/core'
import { type ServerResponse, withoutQuery } from '../http'
import type { InstalledStrategy, UploadStrategy } from '../strategy'
import type { FileSource } from '../uploader/types'
import type { AssetBody, AssetMeta, AssetUppy, AssetUppyFile } from './types'

/** A file for Uppy to hold: the widget's id, its bytes, and what is sent with them. */
export interface UppyFileInput {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly data: Blob
  readonly meta: Readonly<Record<string, unknown>>
}

/** What Uppy tells the engine. */
export interface UppyAdapterEvents {
  /** Whether Uppy's own log goes to the console (it is silent otherwise). */
  readonly debug?: boolean | undefined
  /** Files Uppy's own UI offered (drop, paste, picker), to validate; none is in Uppy yet. */
  offered(sources: FileSource[]): void
  /**
   * An Uppy upload run is about to send `ids` (started by the engine, or by Uppy's own UI):
   * resolves with those that must not be sent in it, because their attempt failed before
   * anything was sent, each with the message Uppy's UI shows for it.
   */
  running(ids: readonly string[]): Promise<readonly { id: string; message: string }[]>
  /** A file's request started (it may have waited for a free slot until now). */
  requestStarted(id: string): void
  /** A file's bytes on their way. */
  progressed(id: string, bytesUploaded: number): void
  /** A file's bytes are stored; `answer` is the storage's answer. */
  stored(id: string, answer: ServerResponse): void
  /** A file's attempt failed; `reported` is what the Uppy plugin reported. */
  failed(id: string, reported: unknown): void
  /** The end user took a file out in Uppy's own UI. */
  removed(id: string): void
  /** The end user paused (or resumed) a file in Uppy's own UI. */
  paused(id: string, paused: boolean): void
}

/** The engine's handle on Uppy. */
export interface UppyAdapter {
  /** The Uppy instance, made on first use. */
  uppy(): AssetUppy
  /** The installed strategy (installing it on first use). */
  installed(): InstalledStrategy
  /** Tells the installed strategy (if any) to forget what it prepared for a file. */
  release(id: string): void
  /** Whether Uppy holds every listed file (for UI plugins), not only those on their way. */
  readonly mirrored: boolean
  /** How many files Uppy holds for upload at most while not mirrored. */
  capacity(): number
  /** From now on Uppy holds every listed file; `files` are those listed now. */
  mirror(files: readonly UppyFileInput[]): AssetUppy
  /** Hands Uppy files to hold, without sending them (mirrored mode). */
  add(files: readonly UppyFileInput[]): void
  /**
   * Sends prepared files: fresh ones are added and uploaded in one Uppy run; a file Uppy still
   * holds (parked after a failure, or paused after a stall) resumes where it stopped.
   */
  send(files: readonly UppyFileInput[]): void
  /** Stops a file's request in flight: paused where the plugin can resume it, else taken out. */
  stop(id: string): void
  /**
   * A file's attempt is over, at the next `flush`: it leaves Uppy when done (`remove`); after a
   * failure it stays there, parked (a multipart upload keeps the parts it can resume from), to be
   * sent again soon (`retry`: a paused upload stays paused) or when the end user asks (`park`: a
   * paused upload holds its plugin's slot, so it leaves).
   */
  leave(id: string, how: 'remove' | 'park' | 'retry'): void
  /**
   * The message Uppy's UI shows for a file whose attempt failed (mirrored only): the engine's,
   * in the app's language, rather than the plugin's own.
   */
  explain(id: string, message: string): void
  /** Settles the files that left: one removal for many, as each costs a copy of Uppy's file map. */
  flush(): void
  /** Takes files out of Uppy at once, aborting their requests. */
  take(ids: Iterable<string>): void
  /** Sets metadata of a file Uppy holds. */
  setMeta(id: string, meta: Readonly<Record<string, unknown>>): void
  destroy(): void
}

/**
 * How many files Uppy holds for upload at a time, at least: it is refilled when half have gone,
 * which keeps its uploader's slots busy (up to twice their number is held) while each refill,
 * one Uppy upload run, serves many files.
 */
const minimumWindow = 16

/**
 * Uppy's logger, silenced: every failure it would print is one assetdrop already reports, typed
 * and with credentials blanked out, through its callbacks (Uppy's own message is not).
 */
const quiet = { debug() {}, warn() {}, error() {} }

/** Creates the adapter; nothing touches Uppy (or the browser) until it is first used. */
export function createUppyAdapter(
  strategy: UploadStrategy,
  events: UppyAdapterEvents,
): UppyAdapter {
  let instance: AssetUppy | undefined
  let installed: InstalledStrategy | undefined
  let mirrored = false
  let windowSize = minimumWindow
  /** The ids of the files `uppy.addFiles` is admitting now, in order. */
  let admitting: readonly string[] | undefined
  let admitted = 0
  /** Set while assetdrop itself removes or pauses files, which is not the end user doing it. */
  let acting = false
  const leaving = new Map<string, 'remove' | 'park' | 'retry'>()
  /** Files Uppy's own UI offered in this task, validated together. */
  let offered: FileSource[] | undefined

  const onBeforeFileAdded = (file: AssetUppyFile): AssetUppyFile | boolean => {
    if (admitting) {
      // A file the uploader admitted: Uppy holds it under the widget's id.
      const id = admitting[admitted++]
      return id === undefined ? false : { ...file, id }
    }
    // A file from Uppy's own UI (drop, paste, picker): validate it first, then add it back.
    if (file.data instanceof Blob) {
      const relativePath =
        typeof file.meta.relativePath === 'string' ? file.meta.relativePath : undefined
      const blob =
        file.data instanceof File ? file.data : Object.assign(file.data, { name: file.name ?? '' })
      if (!offered) {
        const batch: FileSource[] = []
        offered = batch
        queueMicrotask(() => {
          offered = undefined
          events.offered(batch)
        })
      }
      offered.push(relativePath ? { file: blob, relativePath } : { file: blob })
    }
    return false
  }

  const quietly = (work: () => void) => {
    acting = true
    try {
      work()
    } finally {
      acting = false
    }
  }

  const create = (): AssetUppy => {
    const uppy: AssetUppy = new Uppy<AssetMeta, AssetBody>({
      onBeforeFileAdded,
      logger: events.debug ? debugLogger : quiet,
    })
    uppy.addPreProcessor(async (ids) => {
      const refused = (await events.running(ids)).filter(({ id }) => uppy.getFile(id))
      if (refused.length === 0) return
      // Their attempt failed before sending: the uploader plugin leaves files with an error alone.
      uppy.patchFilesState(
        Object.fromEntries(refused.map(({ id, message }) => [id, { error: message }])),
      )
    })
    uppy.on('assetdrop:request-started', (file) => {
      if (file) events.requestStarted(file.id)
    })
    uppy.on('upload-progress', (file, progress) => {
      if (file && typeof progress.bytesUploaded === 'number') {
        events.progressed(file.id, progress.bytesUploaded)
      }
    })
    uppy.on('upload-success', (file, response) => {
      if (!file) return
      const body = response.body
      events.stored(
        file.id,
        body?.answer ?? {
          // Plugins other than assetdrop's XHR transport (such as aws-s3) report a body of their own.
          status: response.status ?? 200,
          contentType: 'application/json',
          text: JSON.stringify(body ?? {}),
          json: body,
          url: withoutQuery(response.uploadURL ?? ''),
        },
      )
    })
    uppy.on('upload-error', (file, error) => {
      if (file) events.failed(file.id, error)
    })
    uppy.on('file-removed', (file) => {
      if (!acting) events.removed(file.id)
    })
    uppy.on('upload-pause', (file, isPaused) => {
      if (file && !acting) events.paused(file.id, isPaused)
    })
    installed = strategy.install(uppy)
    uppy.iteratePlugins((plugin) => {
      const { limit } = plugin.opts as { limit?: unknown }
      if (typeof limit === 'number' && limit > 0) windowSize = Math.max(windowSize, 2 * limit)
    })
    return uppy
  }

  const uppy = () => {
    instance ??= create()
    return instance
  }

  const add = (files: readonly UppyFileInput[]) => {
    const fresh = files.filter((file) => !instance?.getFile(file.id))
    if (fresh.length === 0) return
    const target = uppy()
    admitting = fresh.map((file) => file.id)
    admitted = 0
    try {
      target.addFiles(
        fresh.map((file) => ({
          name: file.name,
          type: file.type,
          data: file.data,
          source: 'assetdrop',
          meta: { ...file.meta, name: file.name, type: file.type } as AssetMeta,
        })),
      )
    } finally {
      admitting = undefined
    }
  }

  const flush = () => {
    if (leaving.size === 0 || !instance) {
      leaving.clear()
      return
    }
    const gone: string[] = []
    const parked: Record<string, { error: null }> = {}
    for (const [id, how] of leaving) {
      const file = instance.getFile(id)
      if (!file) continue
      if (how === 'remove' || (how === 'park' && file.isPaused)) gone.push(id)
      else if (!file.isPaused) parked[id] = { error: null }
    }
    leaving.clear()
    if (gone.length > 0) quietly(() => instance?.removeFiles(gone))
    // Parked with Uppy's error cleared, so that its `upload()` leaves them alone.
    if (Object.keys(parked).length > 0) instance.patchFilesState(parked)
  }

  return {
    uppy,
    installed() {
      uppy()
      return installed as InstalledStrategy
    },
    release(id) {
      installed?.release?.(id)
    },
    get mirrored() {
      return mirrored
    },
    capacity() {
      uppy()
      return mirrored ? Number.POSITIVE_INFINITY : windowSize
    },
    mirror(files) {
      const target = uppy()
      if (!mirrored) {
        mirrored = true
        flush()
        add(files)
      }
      return target
    },
    add,
    send(files) {
      if (files.length === 0) return
      flush()
      const target = uppy()
      const fresh: UppyFileInput[] = []
      let start = false
      for (const file of files) {
        const held = target.getFile(file.id)
        if (!held) fresh.push(file)
        else if (held.isPaused) quietly(() => target.pauseResume(file.id))
        else if (held.error || held.progress.uploadStarted) {
          void target.retryUpload(file.id).catch(() => {})
        } else start = true
      }
      add(fresh)
      // Every other file Uppy holds is on its way, parked, or (mirrored) started along with these.
      if (fresh.length > 0 || start) void target.upload().catch(() => {})
    },
    stop(id) {
      const file = instance?.getFile(id)
      if (!instance || !file) return
      if (instance.getState().capabilities.resumableUploads) {
        if (!file.isPaused) quietly(() => instance?.pauseResume(id))
      } else {
        leaving.delete(id)
        quietly(() => instance?.removeFile(id))
      }
    },
    leave(id, how) {
      // Mirrored, Uppy's UI shows every file, uploaded or failed, as it stands.
      if (!mirrored) leaving.set(id, how)
      else if (how === 'park' && instance?.getFile(id)?.isPaused) {
        quietly(() => instance?.removeFile(id))
      }
    },
    explain(id, message) {
      if (mirrored && instance?.getFile(id)?.error) instance.setFileState(id, { error: message })
    },
    flush,
    take(ids) {
      const held = [...ids].filter((id) => instance?.getFile(id))
      for (const id of held) leaving.delete(id)
      if (held.length > 0) quietly(() => instance?.removeFiles(held))
    },
    setMeta(id, meta) {
      const file = instance?.getFile(id)
      if (instance && file) instance.setFileMeta(id, { ...file.meta, ...meta })
    },
    destroy() {
      installed?.uninstall()
      instance?.destroy()
      instance = undefined
    },
  }
}

import type { FileInfo } from '../asset'
import { effectiveType, type FileConstraints } from '../constraints'
import { AssetDropError } from '../errors'
import type { ErrorMessages } from '../messages'
import type { MetaField } from '../strategy'
import { infoOf, readHeads, type ValidationCandidate, validateFiles } from '../validation/validator'
import type { UploaderAction, UploaderStore, UploadItem } from './store'
import type { AddFilesResult, FileSource } from './types'

/** What intake needs from the uploader. */
export interface IntakeOptions {
  readonly store: UploaderStore
  readonly dispatch: (action: UploaderAction) => void
  /** The strategy's constraints and the app's, read as each batch is judged; a file must meet both. */
  readonly constraintSets: () => readonly FileConstraints[]
  /** The app's messages, read as each batch is judged (an app may switch its language). */
  readonly messages: () => Partial<ErrorMessages> | undefined
  readonly metaFields?: readonly MetaField[] | undefined
  /** Files held outside the list (a field's existing assets), counted against the limits. */
  readonly heldElsewhere?: () => readonly { readonly size: number; readonly fileId?: string }[]
  /** Whether operating-system files (`.DS_Store`, `Thumbs.db`…) are taken too, rather than ignored. */
  readonly keepSystemFiles?: boolean | undefined
  /** Called with each add's judgement, before the next add is judged. */
  readonly onJudged: (result: AddFilesResult) => void
}

/** The files an uploader has taken in: their bytes, and the order their checks are judged in. */
export interface Intake {
  /**
   * Lists `sources` as `validating` at once, then validates them once every earlier add is
   * judged, so counts, totals and duplicates see the files added before; one file that can't be
   * read is refused on its own.
   */
  add(sources: Iterable<FileSource> | ArrayLike<FileSource>): Promise<AddFilesResult>
  /** Resolves once every add so far is judged. */
  idle(): Promise<void>
  /** The bytes of a listed file. */
  blob(id: string): Blob | undefined
  /**
   * Starts reading files about to upload (a small file whole, a large one's first byte), many in
   * one read, ahead of their turn: a file saved again since it was checked can't be read
   * (Chromium refuses its old snapshot), and must not be sent, as its new bytes were never checked.
   */
  readAhead(ids: readonly string[]): void
  /** Settles once a file is known readable (read ahead, or now); fails with `file-unreadable`. */
  readable(id: string): Promise<void>
  /** Forgets a file's read ahead: its upload was withdrawn, and a later one reads it again. */
  unread(id: string): void
  /** The path of a file inside a dropped folder, when it came with one. */
  relativePath(id: string): string | undefined
  /** Forgets a file that is no longer listed. */
  forget(id: string): void
  /** Forgets every file. */
  clear(): void
}

/** Statuses that hold their place: they count towards limits and duplicates. */
const holding = new Set<UploadItem['status']>([
  'queued',
  'uploading',
  'retrying',
  'succeeded',
  'failed',
])

let uploaders = 0

/** Creates the intake of one uploader; its file ids are unique across uploaders. */
export function createIntake(options: IntakeOptions): Intake {
  const { store, dispatch } = options
  const prefix = `f${++uploaders}-`
  let nextId = 0
  const blobs = new Map<string, Blob>()
  /** The files' reads started ahead (`readAhead`), each taken by the file's next attempt. */
  const reads = new Map<string, Promise<boolean>>()
  const paths = new Map<string, string>()
  /** Identity keys of the files accepted, by id, for duplicate checks. */
  const keys = new Map<string, string>()
  /** The last add's judgement: the next one waits for it. */
  let judged: Promise<unknown> = Promise.resolve()

  const blobOf = (id: string) => blobs.get(id) ?? new Blob([])

  const candidateOf = (source: FileSource): ValidationCandidate => {
    const id = `${prefix}${++nextId}`
    const {
      file,
      relativePath = pathOf(source),
      unreadable,
    } = source instanceof Blob ? { file: source } : { ...source }
    // Whatever arrives (a Blob without a name, or no Blob at all) is refused as this file's own.
    const blob: Blob = file instanceof Blob ? file : new Blob([])
    const name: unknown = (blob as { name?: unknown }).name
    const named = typeof name === 'string' ? blob : Object.assign(blob, { name: '' })
    blobs.set(id, named)
    if (typeof relativePath === 'string' && relativePath !== '') paths.set(id, relativePath)
    return {
      id,
      file: named as Blob & { readonly name: string },
      relativePath: paths.get(id),
      unreadable,
    }
  }

  const initialMeta = (file: FileInfo): FileInfo['meta'] => {
    const fields = options.metaFields?.filter((field) => field.initial) ?? []
    if (fields.length === 0) return undefined
    return Object.fromEntries(fields.map((field) => [field.id, field.initial?.(file) ?? '']))
  }

  /** What the uploader holds now: counts, bytes and identities of the files keeping a place. */
  const held = () => {
    // Judged here, once per add, not on every change: what came from this list is counted below.
    const elsewhere = (options.heldElsewhere?.() ?? []).filter(
      (file) => file.fileId === undefined || !store.get(file.fileId),
    )
    let count = elsewhere.length
    let bytes = elsewhere.reduce((sum, file) => sum + file.size, 0)
    const heldKeys = new Set<string>()
    for (const item of store.items) {
      if (!holding.has(item.status)) continue
      count += 1
      bytes += item.size
      const key = keys.get(item.id)
      if (key !== undefined) heldKeys.add(key)
    }
    return { count, bytes, keys: heldKeys }
  }

  const judge = async (candidates: readonly ValidationCandidate[]): Promise<AddFilesResult> => {
    const outcome = await validateFiles(
      candidates,
      held(),
      options.constraintSets(),
      options.messages(),
    )
    // Files removed while they were being checked stay out.
    const accepted = outcome.accepted.filter((file) => store.get(file.id)?.status === 'validating')
    const added = accepted.map(({ key, ...file }): FileInfo => {
      keys.set(file.id, key)
      const typed = { ...file, type: effectiveType(file) }
      const meta = initialMeta(typed)
      return meta ? { ...typed, meta } : typed
    })
    const { rejected } = outcome
    dispatch({ type: 'validated', accepted: added, rejected })
    options.onJudged({ added, rejected })
    return { added, rejected }
  }

  return {
    add(sources) {
      const candidates = Array.from(sources)
        .filter((source) => options.keepSystemFiles || !isSystemFile(source))
        .map(candidateOf)
      dispatch({
        type: 'validating',
        files: candidates.map(infoOf),
      })
      const result = judged.then(() => judge(candidates))
      judged = result.catch(() => {})
      return result
    },
    idle: () => judged.then(() => {}),
    blob: (id) => blobs.get(id),
    readAhead(ids) {
      // In groups of 64, each read after the one before, so no task is long and the first files
      // wait for their own group only. Only whether each file could be read is kept, not bytes.
      let before: Promise<unknown> = Promise.resolve()
      for (let at = 0; at < ids.length; at += 64) {
        const group = ids.slice(at, at + 64)
        const read = before.then(() => readHeads(group.map(blobOf), 65536))
        before = read
        for (const [index, id] of group.entries()) {
          reads.set(
            id,
            read.then((heads) => heads[index] !== undefined),
          )
        }
      }
    },
    unread: (id) => void reads.delete(id),
    async readable(id) {
      const read = reads.get(id) ?? readHeads([blobOf(id)], 1).then(([head]) => head !== undefined)
      reads.delete(id)
      if (!(await read)) throw new AssetDropError('file-unreadable')
    },
    relativePath: (id) => paths.get(id),
    forget(id) {
      blobs.delete(id)
      reads.delete(id)
      paths.delete(id)
      keys.delete(id)
    },
    clear() {
      blobs.clear()
      reads.clear()
      paths.clear()
      keys.clear()
    },
  }
}

/** The file of a source, whatever an app passed (even `null`: it is refused later as its own). */
function fileIn(source: FileSource): unknown {
  return source instanceof Blob ? source : (source as { file?: unknown } | null)?.file
}

/** A file chosen in a folder picker (`webkitdirectory`) carries its path in `webkitRelativePath`. */
function pathOf(source: FileSource): string | undefined {
  const file = fileIn(source)
  const path = (file as { webkitRelativePath?: unknown } | undefined)?.webkitRelativePath
  return typeof path === 'string' && path !== '' ? path : undefined
}

/**
 * Files an operating system leaves in folders, which nobody means to upload: macOS's `.DS_Store`,
 * its `._` resource forks and `__MACOSX/` folders, Windows's `Thumbs.db` and `desktop.ini`.
 */
export function isSystemFile(source: FileSource): boolean {
  const name = (fileIn(source) as { name?: unknown } | undefined)?.name
  const given =
    source instanceof Blob ? undefined : (source as { relativePath?: unknown } | null)?.relativePath
  const path = (typeof given === 'string' ? given : undefined) ?? pathOf(source) ?? ''
  return (
    (typeof name === 'string' &&
      (/^(\.ds_store|thumbs\.db|ehthumbs\.db|desktop\.ini)$/i.test(name) ||
        name.startsWith('._'))) ||
    /(^|\/)__MACOSX\//.test(path)
  )
}

/**
 * The browser-side checks every file passes before a byte is sent: name, type, size, count and
 * total, duplicates, then content (the first bytes against the name and type, image headers,
 * the app's rules). Kept in one file (about 460 lines) because the checks share one merged set
 * of limits and one batched read of the files' first bytes, and their order is the contract.
 */
import type { FileInfo } from '../asset'
import {
  type CandidateFile,
  effectiveType,
  type FileConstraints,
  type FileRejection,
  matchesType,
  type RuleResult,
  typeAgreesWithName,
  type ValidationIssue,
  type ValidationRule,
} from '../constraints'
import type { ValidationCode } from '../errors'
import { type ErrorMessages, type MessageParams, messageFor } from '../messages'
import {
  type ContentFormat,
  detectFormat,
  type FileKind,
  formatName,
  headLength,
  imageFormats,
  kindAccepts,
  kindByExtension,
  kindByMimeType,
  rasterFormats,
  riskyFormats,
  typeNames,
} from './formats'
import { type ImageDimensions, readImageSize, readImageSizeDeep } from './imageSize'
import { nameProblem } from './names'

/** A file offered to the validator, with the id the widget gave it. */
export interface ValidationCandidate {
  readonly id: string
  readonly file: Blob & { readonly name: string; readonly lastModified?: number }
  /** The path inside a dropped folder, when there is one. */
  readonly relativePath?: string | undefined
  /** The browser could not give the file: it is refused with `file-unreadable` alone. */
  readonly unreadable?: boolean | undefined
}

/** What the widget already holds, against which counts, totals and duplicates are judged. */
export interface HeldFiles {
  /** How many files are held. */
  readonly count: number
  /** Their bytes together. */
  readonly bytes: number
  /** Their identity keys (see {@link fileKey}). */
  readonly keys: ReadonlySet<string>
}

/** What one validation run decided. */
export interface ValidationOutcome {
  /** The files that passed, in the order given. */
  readonly accepted: readonly (FileInfo & { readonly key: string })[]
  /** The files refused, with every reason, in the order given. */
  readonly rejected: readonly FileRejection[]
}

/** A file's identity for duplicate checks: its path, name, size and modification time. */
export function fileKey(candidate: ValidationCandidate): string {
  const { file } = candidate
  return `${candidate.relativePath ?? ''}\u0000${file.name}\u0000${file.size}\u0000${file.lastModified ?? ''}`
}

/** How many files are checked at once after their first bytes are read (ZIP ends, deep JPEG headers, rules). */
const readConcurrency = 16
/** How many files' first bytes are read through one composite Blob. */
const headsPerRead = 256
/** How much of a ZIP's end to read for its directory (where `xl/workbook.xml` is named). */
const zipTailLength = 64 * 1024

/**
 * Validates files against every set of constraints (all must hold, so an app's set can only
 * tighten a strategy's). Cheap checks (name, type, size, duplicates) run first; only files that
 * pass them have their first bytes read for the content, image and custom checks; counts and
 * totals are judged last, in order, over the files that passed everything else.
 */
export async function validateFiles(
  candidates: readonly ValidationCandidate[],
  held: HeldFiles,
  constraintSets: readonly FileConstraints[],
  messages?: Partial<ErrorMessages>,
): Promise<ValidationOutcome> {
  const issue = (code: ValidationCode, params: MessageParams = {}): ValidationIssue => ({
    code,
    message: messageFor(code, params, messages),
    params,
  })
  const limits = foldLimits(constraintSets)
  const keys = new Set(held.keys)
  const found = candidates.map((candidate) => {
    const info = infoOf(candidate)
    const issues = candidate.unreadable
      ? [issue('file-unreadable')]
      : cheapIssues(info, limits, issue)
    const key = fileKey(candidate)
    if (keys.has(key)) issues.push(issue('duplicate'))
    else if (issues.length === 0) keys.add(key)
    return { candidate, info, key, issues }
  })

  const toRead = limits.needsBytes ? found.filter((entry) => entry.issues.length === 0) : []
  await eachHead(toRead, async (entry, head) => {
    if (!head) {
      entry.issues.push(issue('file-unreadable'))
      return
    }
    try {
      entry.issues.push(
        ...(await contentIssues(entry.candidate.file, head, entry.info, limits, issue)),
      )
    } catch {
      // The bytes went away while they were read (the file changed on disk since it was chosen).
      entry.issues.push(issue('file-unreadable'))
    }
  })

  const { maxFiles, maxTotalSize } = limits
  const accepted: (FileInfo & { key: string })[] = []
  const rejected: FileRejection[] = []
  let count = held.count
  let total = held.bytes
  for (const { info, key, issues } of found) {
    if (issues.length === 0) {
      if (maxFiles !== undefined && count + 1 > maxFiles)
        issues.push(issue('too-many-files', { maxFiles }))
      else if (maxTotalSize !== undefined && total + info.size > maxTotalSize) {
        issues.push(issue('total-too-large', { maxTotalSize }))
      }
    }
    if (issues.length === 0) {
      count += 1
      total += info.size
      accepted.push({ ...info, key })
    } else {
      rejected.push({ file: info, issues })
    }
  }
  return { accepted, rejected }
}

/** What the engine and the app are told of a candidate: its id, name, type, size and path. */
export function infoOf({ id, file, relativePath }: ValidationCandidate): FileInfo {
  const info = { id, name: file.name, type: file.type, size: file.size }
  return relativePath ? { ...info, relativePath } : info
}

type MakeIssue = (code: ValidationCode, params?: MessageParams) => ValidationIssue

/** The constraint sets folded into their tightest limits, once per run rather than per file. */
interface Limits {
  /** Each set's name length limit, with how that set's backend receives the name. */
  readonly nameLengths: readonly { max: number; sent: ((name: string) => string) | undefined }[]
  readonly maxFileSize: number | undefined
  readonly minFileSize: number | undefined
  readonly maxFiles: number | undefined
  readonly maxTotalSize: number | undefined
  /** Every set's list: a file must match one pattern of each. */
  readonly allowedTypeLists: readonly (readonly string[])[]
  readonly image: {
    readonly minWidth: number | undefined
    readonly minHeight: number | undefined
    readonly maxWidth: number | undefined
    readonly maxHeight: number | undefined
    readonly maxPixels: number | undefined
  }
  readonly checkContent: boolean
  readonly rules: readonly ValidationRule[]
  /** Whether any check needs a file's bytes. */
  readonly needsBytes: boolean
  /** Whether any image size rule is set. */
  readonly imageLimited: boolean
}

function foldLimits(sets: readonly FileConstraints[]): Limits {
  const most = (pick: (set: FileConstraints) => number | undefined) => smallest(sets.map(pick))
  const least = (pick: (set: FileConstraints) => number | undefined) => largest(sets.map(pick))
  const image = {
    minWidth: least((set) => set.image?.minWidth),
    minHeight: least((set) => set.image?.minHeight),
    maxWidth: most((set) => set.image?.maxWidth),
    maxHeight: most((set) => set.image?.maxHeight),
    maxPixels: most((set) => set.image?.maxPixels),
  }
  const imageLimited = Object.values(image).some((value) => value !== undefined)
  const checkContent = sets.every((set) => set.checkContent !== false)
  const rules = sets.flatMap((set) => set.rules ?? [])
  return {
    nameLengths: sets.flatMap(({ maxNameLength: max, sentName: sent }) =>
      max === undefined ? [] : [{ max, sent }],
    ),
    maxFileSize: most((set) => set.maxFileSize),
    minFileSize: least((set) => set.minFileSize),
    maxFiles: most((set) => set.maxFiles),
    maxTotalSize: most((set) => set.maxTotalSize),
    allowedTypeLists: sets.flatMap((set) => (set.allowedTypes ? [set.allowedTypes] : [])),
    image,
    checkContent,
    rules,
    needsBytes: checkContent || rules.length > 0 || imageLimited,
    imageLimited,
  }
}

function cheapIssues(file: FileInfo, limits: Limits, issue: MakeIssue): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const tooLong = limits.nameLengths.some(
    ({ max, sent }) => [...(sent ? sent(file.name) : file.name)].length > max,
  )
  const problem = nameProblem(file.name) ?? (tooLong ? 'too-long' : undefined)
  if (problem) issues.push(issue('name-invalid', { problem }))
  // Judged by its usual type (`image/jpg` is allowed where `image/jpeg` is), worked out once.
  const typed = file.type ? { name: file.name, type: effectiveType(file) } : file
  const refusedBy = limits.allowedTypeLists.find(
    (allowed) => !allowed.some((pattern) => matchesType(typed, pattern)),
  )
  if (refusedBy) {
    issues.push(
      issue('file-type-not-allowed', {
        allowed: typeNames(refusedBy),
        types: refusedBy.join(', '),
        type: file.type,
      }),
    )
  }
  const { maxFileSize: maxSize, minFileSize: minSize } = limits
  if (maxSize !== undefined && file.size > maxSize)
    issues.push(issue('file-too-large', { maxSize, size: file.size }))
  if (minSize !== undefined && file.size < minSize)
    issues.push(issue('file-too-small', { minSize, size: file.size }))
  return issues
}

async function contentIssues(
  blob: Blob,
  firstBytes: Uint8Array,
  file: FileInfo,
  limits: Limits,
  issue: MakeIssue,
): Promise<ValidationIssue[]> {
  const { checkContent, rules } = limits
  const head = firstBytes
  const isZip = head[0] === 0x50 && head[1] === 0x4b
  const format = detectFormat(
    head,
    isZip && blob.size > headLength ? await bytesOf(blob.slice(-zipTailLength)) : undefined,
  )

  if (checkContent) {
    const mismatch = contentMismatch(file, format)
    if (mismatch) return [issue('content-mismatch', mismatch)]
  }

  let dimensions: ImageDimensions | undefined
  if (imageFormats.has(format)) {
    const limited = limits.imageLimited
    // A GIF's every frame is walked only when its size is limited; its screen suffices otherwise.
    const deep = blob.size > head.length && (format !== 'gif' || limited)
    if (!(deep && format === 'gif')) dimensions = readImageSize(format, head)
    if (!dimensions && deep) {
      dimensions = await readImageSizeDeep(format, head, (start, end) =>
        bytesOf(blob.slice(start, end)),
      )
    }
    if (!dimensions && checkContent && rasterFormats.has(format)) {
      return [
        issue('content-mismatch', {
          claimed: formatName(format),
          actual: 'unreadable image data',
          format: 'unreadable',
        }),
      ]
    }
    // An image rule is never skipped for want of a size: the file is refused instead.
    if (!dimensions && limited) return [issue('image-size-unknown', { format: formatName(format) })]
  }

  const issues: ValidationIssue[] = []
  if (dimensions) issues.push(...imageIssues(dimensions, limits.image, issue))
  if (issues.length > 0 || rules.length === 0) return issues
  const candidate: CandidateFile = {
    name: file.name,
    type: file.type,
    size: file.size,
    blob,
    image: dimensions,
  }
  for (const rule of rules) {
    try {
      issues.push(...customIssues(await rule(candidate), issue))
    } catch {
      // An app's rule that fails refuses the file rather than letting it through unchecked.
      issues.push(issue('custom'))
    }
  }
  return issues
}

/** Why the content contradicts the file's name or type, or `undefined` when it does not. */
function contentMismatch(file: FileInfo, format: ContentFormat): MessageParams | undefined {
  if (!typeAgreesWithName(file)) {
    return {
      claimed: `${kindByExtension(file.name)?.name} and ${file.type}`,
      actual: formatName(format),
      format,
    }
  }
  const claimed: FileKind | undefined =
    kindByExtension(file.name) ?? kindByMimeType(effectiveType(file))
  if (claimed) {
    return kindAccepts(claimed, format)
      ? undefined
      : { claimed: claimed.name, actual: formatName(format), format }
  }
  return riskyFormats.has(format)
    ? { claimed: file.name, actual: formatName(format), format }
    : undefined
}

function imageIssues(
  { width, height }: { width: number; height: number },
  limits: Limits['image'],
  issue: MakeIssue,
): ValidationIssue[] {
  const { minWidth, minHeight, maxWidth, maxHeight, maxPixels } = limits
  if (
    (minWidth !== undefined && width < minWidth) ||
    (minHeight !== undefined && height < minHeight)
  ) {
    return [
      issue('image-too-small', {
        width,
        height,
        minWidth: minWidth ?? 1,
        minHeight: minHeight ?? 1,
      }),
    ]
  }
  if (maxWidth !== undefined && width > maxWidth) {
    return [
      issue('image-too-large', {
        width,
        height,
        limit: `width of ${maxWidth}`,
        limitKind: 'width',
        limitValue: maxWidth,
      }),
    ]
  }
  if (maxHeight !== undefined && height > maxHeight) {
    return [
      issue('image-too-large', {
        width,
        height,
        limit: `height of ${maxHeight}`,
        limitKind: 'height',
        limitValue: maxHeight,
      }),
    ]
  }
  if (maxPixels !== undefined && width * height > maxPixels) {
    return [
      issue('image-too-large', {
        width,
        height,
        limit: `${maxPixels} pixels`,
        limitKind: 'pixels',
        limitValue: maxPixels,
      }),
    ]
  }
  return []
}

function customIssues(result: RuleResult, issue: MakeIssue): ValidationIssue[] {
  if (result === undefined || result === null || result === '') return []
  const list = Array.isArray(result) ? result : [result]
  return list.map((entry: string | { message: string; params?: MessageParams }) =>
    typeof entry === 'string'
      ? issue('custom', { message: entry })
      : issue('custom', { ...entry.params, message: entry.message }),
  )
}

/**
 * Calls `check` with each entry and the first {@link headLength} bytes of its file, {@link readConcurrency} at
 * a time. In Chromium every `slice()` registers a new blob with the browser process (~0.6 ms
 * each), so small files are read whole, and many at a time through one composite Blob (~0.1 ms
 * a file); each batch is checked while the next one is read. When a batch can't be read (one of
 * its files changed on disk since it was chosen), its files are read one by one, and a file that
 * can't be read gets no bytes (`undefined`), without holding up the others.
 */
async function eachHead<T extends { candidate: ValidationCandidate }>(
  entries: readonly T[],
  check: (entry: T, head: Uint8Array | undefined) => Promise<void>,
): Promise<void> {
  const read = (start: number) => {
    const heads = readBatch(start)
    // Awaited only once the batch before is checked: until then its failure is not reported as
    // unhandled (the `await` below still throws it).
    heads.catch(() => {})
    return heads
  }
  const readBatch = (start: number) =>
    readHeads(
      entries.slice(start, start + headsPerRead).map(({ candidate }) => candidate.file),
      headLength,
    )
  let next = entries.length > 0 ? read(0) : undefined
  for (let start = 0; next; start += headsPerRead) {
    const heads = await next
    next = start + headsPerRead < entries.length ? read(start + headsPerRead) : undefined
    const batch = entries.slice(start, start + headsPerRead)
    await eachLimited(batch, readConcurrency, (entry, index) => check(entry, heads[index]))
  }
}

/**
 * The first `length` bytes of each file, read through one composite Blob (a file no longer than
 * `length` is read whole: in Chromium a `slice()` costs more than a small file's bytes). When the
 * read fails (a file changed on disk since it was chosen), each file is read alone, and one that
 * can't be read gets `undefined`. Never rejects.
 */
export async function readHeads(
  files: readonly Blob[],
  length: number,
): Promise<(Uint8Array | undefined)[]> {
  const parts = files.map((file) => (file.size > length ? file.slice(0, length) : file))
  let all: Uint8Array
  try {
    all = await bytesOf(new Blob(parts))
  } catch {
    return Promise.all(parts.map((part) => bytesOf(part).catch(() => undefined)))
  }
  let offset = 0
  return parts.map((part) => {
    offset += part.size
    return all.subarray(offset - part.size, offset)
  })
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer())
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      await work(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

function smallest(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined)
  return defined.length > 0 ? Math.min(...defined) : undefined
}

function largest(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined)
  return defined.length > 0 ? Math.max(...defined) : undefined
}

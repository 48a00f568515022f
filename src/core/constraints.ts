import type { FileInfo } from './asset'
import type { ValidationCode } from './errors'
import type { MessageParams } from './messages'
import { extensionOf, kindByExtension, kindByMimeType } from './validation/formats'

/** Limits on an image's pixels, checked from its header before upload. */
export interface ImageConstraints {
  /** The narrowest image accepted, in pixels. */
  readonly minWidth?: number
  /** The shortest image accepted, in pixels. */
  readonly minHeight?: number
  /** The widest image accepted, in pixels. */
  readonly maxWidth?: number
  /** The tallest image accepted, in pixels. */
  readonly maxHeight?: number
  /** The most pixels (width × height) accepted. */
  readonly maxPixels?: number
}

/** A file as a validation rule sees it: what the browser says, its bytes, and what was read of them. */
export interface CandidateFile extends Omit<FileInfo, 'id'> {
  /** The file's bytes; read only what the rule needs (`blob.slice`). */
  readonly blob: Blob
  /** The image's size in pixels, when it is a raster image. */
  readonly image?: { readonly width: number; readonly height: number } | undefined
}

/** What a custom rule found: nothing, a message, or messages with values for them. */
export type RuleResult =
  | undefined
  | null
  | string
  | { readonly message: string; readonly params?: MessageParams }
  | readonly (string | { readonly message: string; readonly params?: MessageParams })[]

/** An app's own check of one file, sync or async; what it returns becomes `custom` issues. */
export type ValidationRule = (file: CandidateFile) => RuleResult | Promise<RuleResult>

/** Limits a file must meet before it is queued for upload. */
export interface FileConstraints {
  /** The largest file accepted, in bytes. */
  readonly maxFileSize?: number
  /** The smallest file accepted, in bytes. */
  readonly minFileSize?: number
  /** The most files the widget holds at once (queued, uploading or uploaded). */
  readonly maxFiles?: number
  /** The most bytes the widget holds at once, all files together. */
  readonly maxTotalSize?: number
  /**
   * Accepted types: MIME types (`image/png`), wildcards (`image/*`) or extensions (`.pdf`),
   * case-insensitive. A file with no type from the browser matches only by extension; SVG
   * matches only when listed by name (`image/svg+xml` or `.svg`), never through `image/*`.
   */
  readonly allowedTypes?: readonly string[]
  /** Limits on images' pixels. */
  readonly image?: ImageConstraints
  /** The longest file name accepted, in characters (of the name as sent, with `sentName`). */
  readonly maxNameLength?: number
  /**
   * The name as the backend receives it (such as percent-encoded in a header), when that is
   * longer than the name: `maxNameLength` then counts what is sent.
   */
  readonly sentName?: (name: string) => string
  /**
   * Whether each file's first bytes must prove the type its name and MIME type claim.
   * @default true
   */
  readonly checkContent?: boolean
  /** The app's own checks, run after the built-in ones pass. */
  readonly rules?: readonly ValidationRule[]
}

/** One reason a file was refused. */
export interface ValidationIssue {
  /** The stable code a program can switch on. */
  readonly code: ValidationCode
  /** The message in the uploader's language (English by default). */
  readonly message: string
  /** The values the message was built from. */
  readonly params: MessageParams
}

/** A file refused in the browser, with every reason. */
export interface FileRejection {
  /** The refused file. */
  readonly file: FileInfo
  /** Why it was refused. */
  readonly issues: readonly ValidationIssue[]
}

/**
 * Whether a file (its name and type) matches one accepted-type pattern. Give it the type from
 * {@link effectiveType}, so a type reported by another name (`image/jpg`) matches its usual one.
 */
export function matchesType(file: Pick<FileInfo, 'name' | 'type'>, pattern: string): boolean {
  const wanted = pattern.trim().toLowerCase()
  if (wanted.startsWith('.')) return `.${extensionOf(file.name)}` === wanted
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? ''
  if (type === '') return false
  if (wanted === '*' || wanted === '*/*' || wanted.endsWith('/*')) {
    // SVG runs script, so a wildcard never admits it, under any of its types or by its name.
    if (type.includes('svg') || extensionOf(file.name) === 'svg') return false
    return wanted === '*' || wanted === '*/*' || type.startsWith(wanted.slice(0, -1))
  }
  return type === wanted
}

/**
 * The MIME type to send for a file: the usual one of the kind its name (else its type) claims,
 * when the browser reports another name for it (`image/jpg`, `image/pjpeg`; a `.csv` reported as
 * `application/vnd.ms-excel` where Excel is installed), since servers' lists name the usual one;
 * else the browser's, or the one its extension names.
 */
export function effectiveType(file: Pick<FileInfo, 'name' | 'type'>): string {
  const kind = kindByExtension(file.name) ?? kindByMimeType(file.type)
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? ''
  return kind?.mimeTypes.includes(type)
    ? (kind.mimeTypes[0] as string)
    : file.type || kind?.mimeTypes[0] || ''
}

/** The numeric limits in which `app` is looser than `strategy`, as readable phrases. */
export function loosenedLimits(strategy: FileConstraints, app: FileConstraints): string[] {
  const found: string[] = []
  const upper = (name: string, mine: number | undefined, theirs: number | undefined) => {
    if (mine !== undefined && theirs !== undefined && mine > theirs)
      found.push(`${name} ${mine} > ${theirs}`)
  }
  const lower = (name: string, mine: number | undefined, theirs: number | undefined) => {
    if (mine !== undefined && theirs !== undefined && mine < theirs)
      found.push(`${name} ${mine} < ${theirs}`)
  }
  upper('maxFileSize', app.maxFileSize, strategy.maxFileSize)
  lower('minFileSize', app.minFileSize, strategy.minFileSize)
  upper('maxFiles', app.maxFiles, strategy.maxFiles)
  upper('maxTotalSize', app.maxTotalSize, strategy.maxTotalSize)
  upper('maxNameLength', app.maxNameLength, strategy.maxNameLength)
  upper('image.maxWidth', app.image?.maxWidth, strategy.image?.maxWidth)
  upper('image.maxHeight', app.image?.maxHeight, strategy.image?.maxHeight)
  upper('image.maxPixels', app.image?.maxPixels, strategy.image?.maxPixels)
  lower('image.minWidth', app.image?.minWidth, strategy.image?.minWidth)
  lower('image.minHeight', app.image?.minHeight, strategy.image?.minHeight)
  if (strategy.checkContent !== false && app.checkContent === false)
    found.push('checkContent false')
  return found
}

/** Whether a MIME type is one a browser reports for the kind its extension names. */
export function typeAgreesWithName(file: Pick<FileInfo, 'name' | 'type'>): boolean {
  const byName = kindByExtension(file.name)
  const byType = kindByMimeType(file.type)
  if (!byName || !byType || byName === byType) return true
  return byName.mimeTypes.includes(file.type.toLowerCase().split(';')[0]?.trim() ?? '')
}

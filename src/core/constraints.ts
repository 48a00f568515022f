import type { FileInfo } from './asset'
import type { ValidationCode } from './errors'
import { type MessageParams, messageFor } from './messages'

/** Limits a file must meet before it is queued for upload. */
export interface FileConstraints {
  /** The largest file accepted, in bytes. */
  readonly maxFileSize?: number
  /** The smallest file accepted, in bytes. */
  readonly minFileSize?: number
  /**
   * Accepted types: MIME types (`image/png`), wildcards (`image/*`) or extensions (`.pdf`),
   * case-insensitive. A file with no type from the browser matches only by extension.
   */
  readonly allowedTypes?: readonly string[]
}

/** One reason a file was refused. */
export interface ValidationIssue {
  /** The stable code a program can switch on. */
  readonly code: ValidationCode
  /** The default English message; replace it by code for other locales. */
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

/** The issues `file` has against each set of constraints (all must hold); empty when it passes. */
export function checkFile(
  file: FileInfo,
  ...constraintSets: readonly FileConstraints[]
): ValidationIssue[] {
  const issues = new Map<ValidationCode, ValidationIssue>()
  const add = (code: ValidationCode, params: MessageParams) => {
    if (!issues.has(code)) issues.set(code, { code, message: messageFor(code, params), params })
  }
  for (const { maxFileSize, minFileSize, allowedTypes } of constraintSets) {
    if (maxFileSize !== undefined && file.size > maxFileSize) {
      add('file-too-large', { maxSize: maxFileSize, size: file.size })
    }
    if (minFileSize !== undefined && file.size < minFileSize) {
      add('file-too-small', { minSize: minFileSize, size: file.size })
    }
    if (allowedTypes && !allowedTypes.some((pattern) => matchesType(file, pattern))) {
      add('file-type-not-allowed', { allowed: allowedTypes.join(', '), type: file.type })
    }
  }
  return [...issues.values()]
}

/** Whether `file` matches one accepted-type pattern (MIME, `type/*` or `.ext`). */
export function matchesType(file: Pick<FileInfo, 'name' | 'type'>, pattern: string): boolean {
  const wanted = pattern.trim().toLowerCase()
  if (wanted.startsWith('.')) {
    const dot = file.name.lastIndexOf('.')
    return dot > 0 && file.name.slice(dot).toLowerCase() === wanted
  }
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? ''
  if (type === '') return false
  if (wanted.endsWith('/*')) return type.startsWith(wanted.slice(0, -1))
  return type === wanted
}

/** Why a file name was refused. */
export type NameProblem =
  | 'empty'
  | 'too-long'
  | 'control-character'
  | 'bidi-control'
  | 'path-separator'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/
/** Bidirectional overrides, embeddings, isolates and marks, which can disguise an extension. */
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** What is wrong with `name`, or `undefined` when nothing is; length counts characters, not code units. */
export function nameProblem(name: string, maxLength?: number): NameProblem | undefined {
  if (name.trim() === '') return 'empty'
  if (controlCharacter.test(name)) return 'control-character'
  if (bidiControl.test(name)) return 'bidi-control'
  if (name.includes('/') || name.includes('\\')) return 'path-separator'
  if (maxLength !== undefined && [...name].length > maxLength) return 'too-long'
  return undefined
}

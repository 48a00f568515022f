/** Why a file name was refused. */
export type NameProblem =
  | 'empty'
  | 'too-long'
  | 'control-character'
  | 'bidi-control'
  | 'path-separator'
  | 'reserved'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/
/** Bidirectional overrides, embeddings, isolates and marks, which can disguise an extension. */
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Characters that look like a slash or a backslash (fraction, division and fullwidth solidi,
 * set-minus, box-drawing diagonals…), which a server that normalizes names may turn into one.
 */
const slashLookalike =
  /[\u2044\u2215\u2216\u2571\u2572\u27cb\u27cd\u29f5\u29f8\u29f9\u3033\u3035\ufe68\uff0f\uff3c]/

/** What is wrong with `name`, or `undefined` when nothing is; length counts characters, not code units. */
export function nameProblem(name: string, maxLength?: number): NameProblem | undefined {
  if (name.trim() === '') return 'empty'
  if (controlCharacter.test(name)) return 'control-character'
  if (bidiControl.test(name)) return 'bidi-control'
  if (/[/\\]/.test(name) || slashLookalike.test(name) || /[/\\]/.test(name.normalize('NFKC'))) {
    return 'path-separator'
  }
  // `.` and `..` name a folder, not a file: a server joining them to a path climbs out of it.
  if (/^\.+$/.test(name.trim())) return 'reserved'
  if (maxLength !== undefined && [...name].length > maxLength) return 'too-long'
  return undefined
}

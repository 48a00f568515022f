/** The shortest value treated as a credential; shorter ones are too common to blank out. */
const minimumLength = 8

/** What a credential is replaced with. */
export const redacted = '[redacted]'

/**
 * Values a request carried that may be credentials: its header values (whole, and in the pieces
 * a server may echo alone: split on spaces as in `Bearer <token>`, on `/` as in S3's
 * `X-Amz-Credential`, and on `.` as in a JWT), but not `Content-Type`; and the query values of
 * each of its URLs (keys, signatures, S3's `X-Amz-*`).
 */
export function secretsOf(
  headers: Readonly<Record<string, string>>,
  ...urls: readonly (string | undefined)[]
): string[] {
  const values = Object.entries(headers)
    .filter(([name]) => !/^(content-type|accept|content-length)$/i.test(name))
    .map(([, value]) => value)
  for (const url of urls) {
    if (!url) continue
    try {
      for (const value of new URL(url, 'http://relative.invalid').searchParams.values()) {
        values.push(value)
      }
    } catch {}
  }
  const pieces = values.flatMap((value) => [
    value,
    // The credential of an `Authorization` value, after its scheme (`Bearer`, `Basic`…).
    value.replace(/^\S+\s+/, ''),
    ...value.split(/\s+/),
    ...value.split(/[\s/.,;:=&]+/),
  ])
  // Longest first, so a whole value is blanked before its pieces.
  return [...new Set(pieces.filter((value) => value.length >= minimumLength))].sort(
    (a, b) => b.length - a.length,
  )
}

const patterns = new Map<string, RegExp>()

/** A hex digit matched in either case: `[aA]` for `a`. */
const hexDigit = (digit: string) =>
  /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit

/** `value` (0–255 or a code unit) as hex of `width` digits, each matched in either case. */
const hex = (value: number, width: number) =>
  [...value.toString(16).padStart(width, '0')].map(hexDigit).join('')

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * A pattern matching `secret` however a server may echo it: each character as itself,
 * percent-encoded (in either case, UTF-8, also encoded twice), `+` for a space, as a JSON
 * escape (`\u00e9`, `\/`, `\"`), or as an HTML/XML character reference. The forms may mix, as a
 * server that re-encodes part of a value mixes them.
 */
function patternOf(secret: string): RegExp {
  let pattern = patterns.get(secret)
  if (pattern) return pattern
  const encoder = new TextEncoder()
  const parts = [...secret].map((character) => {
    const point = character.codePointAt(0) ?? 0
    const forms = [escapeRegex(character)]
    const bytes = [...encoder.encode(character)]
    forms.push(bytes.map((byte) => `%(?:25)?${hex(byte, 2)}`).join(''))
    if (character === ' ') forms.push('\\+')
    const codeUnits = Array.from({ length: character.length }, (_, i) => character.charCodeAt(i))
    forms.push(codeUnits.map((unit) => `\\\\u${hex(unit, 4)}`).join(''))
    if ('"\\/'.includes(character)) forms.push(`\\\\${escapeRegex(character)}`)
    const entity = htmlEntities[character]
    if (entity) forms.push(escapeRegex(entity))
    forms.push(`&#(?:0*${point}|[xX]0*${hex(point, 1)});`)
    return `(?:${forms.join('|')})`
  })
  pattern = new RegExp(parts.join(''), 'g')
  patterns.set(secret, pattern)
  return pattern
}

/** `text` with every echo of `secrets` (in any of the forms {@link patternOf} knows) blanked out. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length >= minimumLength) result = result.replace(patternOf(secret), redacted)
  }
  return result
}

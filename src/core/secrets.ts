/** The shortest value treated as a credential when its name does not say it is one. */
const minimumLength = 8

/**
 * Header and query names that say their value is a credential (`Authorization`, `X-Api-Key`,
 * `access_token`, `X-Amz-Signature`…): such a value is blanked however short it is.
 */
const credentialName = /auth|token|key|secret|signature|credential|session|passw/i

/** What a credential is replaced with. */
export const redacted = '[redacted]'

/**
 * Values a request carried that may be credentials: its header values (whole, and in the pieces
 * a server may echo alone: split on spaces as in `Bearer <token>`, on `/` as in S3's
 * `X-Amz-Credential`, and on `.` as in a JWT; a Basic credential decoded, and its password), but
 * not `Content-Type`; and the query values of each of its URLs (keys, signatures, S3's
 * `X-Amz-*`) and a password in the URL itself. A value whose name says it is a credential
 * counts at any length (with the token after its scheme); any other value, and any piece, from
 * {@link minimumLength} characters, since shorter ones are too common to blank out.
 */
export function secretsOf(
  headers: Readonly<Record<string, string>>,
  ...urls: readonly (string | undefined)[]
): string[] {
  const values = Object.entries(headers).filter(
    ([name]) => !/^(content-type|accept|content-length)$/i.test(name),
  )
  for (const url of urls) {
    if (!url) continue
    try {
      const parsed = new URL(url, 'http://relative.invalid')
      values.push(...parsed.searchParams)
      // A password in the URL itself (`https://user:password@host/`).
      if (parsed.password) values.push(['password', decodeURIComponent(parsed.password)])
    } catch {}
  }
  const pieces = values.flatMap(([name, value]) => {
    // The credential of an `Authorization` value, after its scheme (`Bearer`, `Basic`…).
    const token = value.replace(/^\S+\s+/, '')
    // Basic credentials go as `user:password` in base64, which a server may echo decoded.
    let plain = ''
    try {
      if (/^basic\s/i.test(value)) {
        plain = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)))
      }
    } catch {}
    const anyLength = credentialName.test(name)
      ? [value, token, plain, plain.slice(plain.indexOf(':') + 1)]
      : []
    const long = [value, token, ...value.split(/\s+/), ...value.split(/[\s/.,;:=&]+/)]
    return [...anyLength, ...long.filter((piece) => piece.length >= minimumLength)]
  })
  // Longest first, so a whole value is blanked before its pieces.
  return [...new Set(pieces.filter((value) => value.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  )
}

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** The value of the digit at `text[at]` in `base` (10 or 16, hex in either case), or -1. */
function digitAt(text: string, at: number, base = 16): number {
  const code = text.charCodeAt(at)
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (base === 10) return -1
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10
  return -1
}

/** Whether `width` hex digits (in either case) spelling `value` start at `text[at]`. */
function hexIs(text: string, at: number, width: number, value: number): boolean {
  let read = 0
  for (let i = 0; i < width; i++) {
    const digit = digitAt(text, at + i)
    if (digit < 0) return false
    read = read * 16 + digit
  }
  return read === value
}

/** A way one character may be echoed: the length it takes at `text[at]`, or -1. */
type Form = (text: string, at: number) => number

const encoder = new TextEncoder()

/**
 * The forms a character may be echoed in: as itself, percent-encoded (UTF-8, hex in either case,
 * also encoded twice as `%25XX`), `+` for a space, as a JSON escape (`\u00e9`, `\/`, `\"`), or as
 * an HTML/XML character reference (named, decimal or hex, with leading zeros).
 */
function formsOf(character: string): Form[] {
  const point = character.codePointAt(0) ?? 0
  const forms: Form[] = [(text, at) => (text.startsWith(character, at) ? character.length : -1)]
  const bytes = encoder.encode(character)
  forms.push((text, at) => {
    let i = at
    for (const byte of bytes) {
      if (text[i] !== '%') return -1
      if (text.startsWith('25', i + 1) && hexIs(text, i + 3, 2, byte)) i += 5
      else if (hexIs(text, i + 1, 2, byte)) i += 3
      else return -1
    }
    return i - at
  })
  if (character === ' ') forms.push((text, at) => (text[at] === '+' ? 1 : -1))
  forms.push((text, at) => {
    let i = at
    for (let unit = 0; unit < character.length; unit++) {
      if (
        !(
          text[i] === '\\' &&
          text[i + 1] === 'u' &&
          hexIs(text, i + 2, 4, character.charCodeAt(unit))
        )
      ) {
        return -1
      }
      i += 6
    }
    return i - at
  })
  if ('"\\/'.includes(character)) {
    forms.push((text, at) => (text[at] === '\\' && text[at + 1] === character ? 2 : -1))
  }
  const entity = htmlEntities[character]
  if (entity) forms.push((text, at) => (text.startsWith(entity, at) ? entity.length : -1))
  forms.push((text, at) => {
    if (text[at] !== '&' || text[at + 1] !== '#') return -1
    const isHex = text[at + 2] === 'x' || text[at + 2] === 'X'
    let i = at + (isHex ? 3 : 2)
    let read = 0
    const start = i
    for (; ; i++) {
      const digit = digitAt(text, i, isHex ? 16 : 10)
      if (digit < 0) break
      read = read * (isHex ? 16 : 10) + digit
      if (read > 0x10ffff) return -1
    }
    return i > start && read === point && text[i] === ';' ? i + 1 - at : -1
  })
  return forms
}

/**
 * Where an echo of a secret (its characters in `forms`, from `from` on) that starts at `text[at]`
 * ends, or -1. The forms may mix, as a server that re-encodes part of a value mixes them; the
 * first form that lets the rest match wins.
 */
function echoEnd(text: string, at: number, forms: readonly Form[][], from = 0): number {
  if (from === forms.length) return at
  for (const form of forms[from] ?? []) {
    const length = form(text, at)
    if (length < 0) continue
    const end = echoEnd(text, at + length, forms, from + 1)
    if (end >= 0) return end
  }
  return -1
}

/** `text` with every echo of `secret`, in any of the forms {@link formsOf} knows, blanked out. */
function redactOne(text: string, secret: string): string {
  const forms = [...secret].map(formsOf)
  let result = ''
  let kept = 0
  for (let at = 0; at < text.length; ) {
    const end = echoEnd(text, at, forms)
    if (end > at) {
      result += text.slice(kept, at) + redacted
      at = kept = end
    } else at++
  }
  return kept === 0 ? text : result + text.slice(kept)
}

/** `text` with every echo of `secrets` (in any of the forms {@link formsOf} knows) blanked out. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret !== '') result = redactOne(result, secret)
  }
  return result
}

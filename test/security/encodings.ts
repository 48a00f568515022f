/** The ways a hostile or careless server echoes a value it was sent, by name. */
export const encodings: Record<string, (value: string) => string> = {
  raw: (value) => value,
  percent: (value) => encodeURIComponent(value),
  'percent, lower-case hex': (value) =>
    encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  'form (+ for space)': (value) => encodeURIComponent(value).replace(/%20/g, '+'),
  'percent, twice': (value) => encodeURIComponent(encodeURIComponent(value)),
  'JSON escapes (\\u for non-ASCII, \\/)': (value) =>
    JSON.stringify(value)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/\//g, '\\/'),
  'every byte percent-encoded': (value) =>
    [...new TextEncoder().encode(value)]
      .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
      .join(''),
  'every character a JSON \\u escape': (value) =>
    Array.from(
      { length: value.length },
      (_, i) => `\\u${value.charCodeAt(i).toString(16).padStart(4, '0')}`,
    ).join(''),
  'every character a decimal character reference': (value) =>
    [...value].map((c) => `&#${c.codePointAt(0)};`).join(''),
  'every character a hex character reference, upper-case': (value) =>
    [...value].map((c) => `&#X${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`).join(''),
  'XML entities': (value) =>
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;'),
}

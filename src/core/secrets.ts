import type { AssetDropError } from './errors'

/** The shortest value treated as a credential; shorter ones are too common to blank out. */
const minimumLength = 8

/**
 * Values a request carried that may be credentials: its header values (whole and split on
 * spaces, as in `Bearer <token>`), but not its Content-Type, and its query values (keys,
 * signatures).
 */
export function secretsOf(headers: Readonly<Record<string, string>>, url?: string): string[] {
  const values = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() !== 'content-type')
    .flatMap(([, value]) => [value, ...value.split(/\s+/)])
  if (url) {
    try {
      for (const value of new URL(url, 'http://relative.invalid').searchParams.values())
        values.push(value)
    } catch {}
  }
  return [...new Set(values.filter((value) => value.length >= minimumLength))]
}

/** `error` with any of `secrets` blanked out of the server's message. */
export function redact(error: AssetDropError, secrets: readonly string[]): AssetDropError {
  const message = error.serverMessage
  if (!message || !secrets.some((secret) => message.includes(secret))) return error
  const serverMessage = secrets.reduce(
    (text, secret) => text.split(secret).join('[redacted]'),
    message,
  )
  return error.with({ serverMessage })
}

import { inject } from 'vitest'
import type { LoggedRequest } from './server/http'

/** The origin of the reference backends started by the global setup. */
export const referenceUrl = inject('referenceUrl')

/** The requests the reference backends answered whose label (the file name sent) is `label`. */
export async function requestsLabelled(label: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${referenceUrl}/__reference/requests`)
  const requests = (await response.json()) as LoggedRequest[]
  return requests.filter((request) => request.label === label)
}

/** A name no other test uses, so requests can be counted per test. */
export function uniqueName(base: string): string {
  const dot = base.lastIndexOf('.')
  const tag = Math.random().toString(36).slice(2, 8)
  return dot > 0 ? `${base.slice(0, dot)}-${tag}${base.slice(dot)}` : `${base}-${tag}`
}

/** A small but real PNG (1×1, red), so content checks see a true image. */
export function pngFile(name = uniqueName('pixel.png')): File {
  const bytes = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    ),
    (char) => char.charCodeAt(0),
  )
  return new File([bytes], name, { type: 'image/png' })
}

/** A PDF-looking file of `size` bytes: a real PDF header, then pseudo-random bytes. */
export function pdfFile(name: string, size: number): File {
  return new File([bytesWithHeader('%PDF-1.7\n', size)], name, { type: 'application/pdf' })
}

/** `size` bytes: `header`, then pseudo-random bytes. */
export function bytesWithHeader(header: string, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + 7) % 251
  bytes.set(new TextEncoder().encode(header).subarray(0, size))
  return bytes
}

/** The bytes the reference backend serves at `url`. */
export async function storedBytes(
  url: string,
  headers: Record<string, string> = {},
): Promise<Uint8Array> {
  const response = await fetch(url, { headers })
  if (!response.ok) throw new Error(`GET stored bytes answered ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

export async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

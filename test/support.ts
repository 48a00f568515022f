import { inject } from 'vitest'
import type { FileInfo } from '../src/core/asset'
import type { UploadStrategy } from '../src/core/strategy'
import type { Clock } from '../src/core/uploader/clock'
import { type CreateUploaderOptions, createUploader } from '../src/core/uploader/createUploader'
import type { FileSource } from '../src/core/uploader/types'
import { presignThrough } from './server/clients'
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

/** Adds (and validates) files, uploads them, and returns the outcome and the uploader. */
export async function uploadAll(
  strategy: UploadStrategy,
  files: FileSource[],
  options: Partial<CreateUploaderOptions> = {},
) {
  const uploader = createUploader({ ...options, strategy })
  const added = await uploader.addFiles(files)
  const outcome = await uploader.upload()
  return { uploader, added, ...outcome }
}

/** The answered requests of one reference backend, so far. */
export async function requestsTo(backend: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${referenceUrl}/__reference/requests`)
  return ((await response.json()) as LoggedRequest[]).filter(
    (request) => request.backend === backend,
  )
}

/** Adds a fault to the reference backends (see test/server/faults.ts). */
export async function addFault(fault: unknown): Promise<void> {
  const response = await fetch(`${referenceUrl}/__reference/faults`, {
    method: 'POST',
    body: JSON.stringify(fault),
  })
  if (!response.ok) throw new Error(`fault refused: ${await response.text()}`)
}

/** The bytes of an object in the reference S3 store. */
export function s3Bytes(key: string): Promise<Uint8Array> {
  return storedBytes(`${referenceUrl}/__reference/s3/${key}`)
}

/** Asks the reference app backend for a presigned PUT to its bucket (the project-assets flow). */
export const appPresign = (file: FileInfo) => presignThrough(referenceUrl, file)

/** The SHA-256 of some bytes, in hex: compares large files without a slow element-wise diff. */
export async function sha256(bytes: Uint8Array | Blob): Promise<string> {
  const data = bytes instanceof Blob ? await bytes.arrayBuffer() : new Uint8Array(bytes)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Whether a fault named for `header` (the `x-file` a request carried) has met its request. */
export async function faultTaken(header: string): Promise<boolean> {
  const response = await fetch(`${referenceUrl}/__reference/faults`)
  const { taken } = (await response.json()) as { taken: { header?: string }[] }
  return taken.some((fault) => fault.header === header)
}

/** A clock the test can move forward; see {@link createTestClock}. */
export interface TestClock extends Clock {
  /** Moves the clock `ms` forward, running every wait that falls due. */
  advance(ms: number): void
}

/**
 * A clock that runs in real time but can be moved forward by the test. Give an uploader a stall
 * timeout far beyond the test's own time limit and no busy machine can make an upload look
 * stalled: only `advance` can, once the test knows a request is stalled. Short waits (retry
 * delays) still pass in real time.
 */
export function createTestClock(): TestClock {
  let offset = 0
  interface Wait {
    due: number
    callback: () => void
    timer?: ReturnType<typeof setTimeout>
  }
  const waits = new Set<Wait>()
  const now = () => Date.now() + offset
  const fire = (wait: Wait) => {
    if (!waits.delete(wait)) return
    clearTimeout(wait.timer)
    wait.callback()
  }
  return {
    now,
    setTimeout(callback, ms) {
      const wait: Wait = { due: now() + ms, callback }
      wait.timer = setTimeout(() => fire(wait), ms)
      waits.add(wait)
      return wait
    },
    clearTimeout(handle) {
      const wait = handle as Wait
      if (waits.delete(wait)) clearTimeout(wait.timer)
    },
    advance(ms) {
      offset += ms
      const due = [...waits].filter((wait) => wait.due <= now()).sort((a, b) => a.due - b.due)
      for (const wait of due) fire(wait)
    },
  }
}

/**
 * A paste of `data`, as the page receives it. Firefox drops a synthetic event's `clipboardData`
 * given in its init (a real paste has one), so it is set on the event itself, as every engine reads it.
 */
export function pasteEvent(data: DataTransfer): ClipboardEvent {
  const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: data })
  return event
}

/**
 * Runs `assertion` once per rendered frame until it passes, for at most `frames` frames, then
 * throws its last failure. For what a page settles in a number of renders (a virtual list
 * measuring the rows it just drew): bounded by frames, not milliseconds, so a busy machine's
 * slower frames can't fail it.
 */
export async function untilSettled(assertion: () => void, frames = 60): Promise<void> {
  for (let frame = 0; ; frame += 1) {
    try {
      assertion()
      return
    } catch (error) {
      if (frame >= frames) throw error
    }
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
}

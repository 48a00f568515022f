/**
 * The page side of `npm run bench`: each case as assetdrop does it, as plain Uppy does it, and as
 * a plain pool of XMLHttpRequests does it (the practical limit in a browser).
 */
import Uppy from '@uppy/core'
import XHRUpload from '@uppy/xhr-upload'
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { createUploader } from '../src/core/uploader/createUploader'
import { AssetDropzone } from '../src/react/AssetDropzone'
import { multipartForm } from '../src/strategies/multipartForm'
import { makeFiles } from './files'

const constraints = {
  allowedTypes: ['image/*', 'application/pdf', 'text/csv'],
  maxFileSize: 2 * 1024 ** 3,
}

const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** The span each case measures (from its start to its end), for the long-task figure. */
const span = { start: Number.POSITIVE_INFINITY, end: 0 }

/**
 * Starts a measured span in a task of its own, after the case's setup (files made, widget
 * rendered), so the longest task is the case's own work; returns the start time.
 */
async function startSpan(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  const start = performance.now()
  span.start = Math.min(span.start, start)
  return start
}

/** Ends the span begun at `start`; returns its length in milliseconds. */
function endSpan(start: number): number {
  const end = performance.now()
  span.end = Math.max(span.end, end)
  return end - start
}

/** Milliseconds from dropping `count` files on `<AssetDropzone>` until they are validated and listed. */
export async function listInDropzone(count: number, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const host = document.body.appendChild(document.createElement('div'))
    const root = createRoot(host)
    const strategy = multipartForm({ endpoint: 'http://127.0.0.1:9/' })
    const uploader = createUploader({ strategy, constraints })
    flushSync(() => root.render(createElement(AssetDropzone, { strategy, uploader })))
    const files = makeFiles(count)
    const start = await startSpan()
    await uploader.addFiles(files)
    await nextPaint()
    times.push(endSpan(start))
    const queued = uploader.getSnapshot().items.filter((item) => item.status === 'queued').length
    const rows = host.querySelectorAll('[data-status="queued"]').length
    root.unmount()
    uploader.destroy()
    host.remove()
    if (queued !== count || rows === 0) throw new Error(`${queued} of ${count} listed`)
  }
  return times
}

/**
 * Milliseconds for the browser alone to read the first bytes of `count` files, as the content
 * check must (the same files, 256 per composite Blob): the floor under adding them.
 */
export async function readFirstBytes(count: number, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const files = makeFiles(count)
    const start = await startSpan()
    for (let index = 0; index < files.length; index += 256) {
      await new Blob(files.slice(index, index + 256)).arrayBuffer()
    }
    times.push(endSpan(start))
  }
  return times
}

/** Milliseconds for plain Uppy's `addFiles` of `count` files (no validation, no UI). */
export async function plainUppyAddFiles(count: number, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const uppy = new Uppy()
    const files = makeFiles(count).map((file) => ({
      name: file.name,
      type: file.type,
      data: file,
      source: 'bench',
    }))
    const start = await startSpan()
    uppy.addFiles(files)
    times.push(endSpan(start))
    uppy.destroy()
  }
  return times
}

declare global {
  interface Window {
    /** The file the bench put in the page's file input, for the cases of one big file. */
    benchFile?: File
  }
}

/** `count` files of `size` bytes: the chosen file from disk if it fits, else sharing one buffer. */
function blobs(count: number, size: number): File[] {
  if (count === 1 && window.benchFile?.size === size) return [window.benchFile]
  const bytes = new Uint8Array(size)
  for (let index = 0; index < size; index += 4096) bytes[index] = index % 251
  const blob = new Blob([bytes])
  return Array.from(
    { length: count },
    (_, index) => new File([blob], `file-${index}.bin`, { type: 'application/octet-stream' }),
  )
}

/** Milliseconds for assetdrop to upload `count` files of `size` bytes (already added) to `sink`. */
export async function uploadAssetdrop(sink: string, count: number, size: number) {
  const uploader = createUploader({
    strategy: multipartForm({ endpoint: sink, concurrency: 6 }),
  })
  const { rejected } = await uploader.addFiles(blobs(count, size))
  if (rejected.length > 0) throw new Error(`refused: ${rejected[0]?.issues[0]?.message}`)
  const start = await startSpan()
  const { assets } = await uploader.upload()
  const time = endSpan(start)
  uploader.destroy()
  if (assets.length !== count) throw new Error(`${assets.length} of ${count} uploaded`)
  return time
}

/** The same with plain Uppy and `@uppy/xhr-upload` (limit 6). */
export async function uploadPlainUppy(sink: string, count: number, size: number) {
  const uppy = new Uppy().use(XHRUpload, { endpoint: sink, limit: 6, fieldName: 'file' })
  uppy.addFiles(
    blobs(count, size).map((file) => ({ name: file.name, type: file.type, data: file })),
  )
  const start = await startSpan()
  const result = await uppy.upload()
  const time = endSpan(start)
  uppy.destroy()
  if (result?.successful?.length !== count) throw new Error('plain Uppy did not upload all')
  return time
}

/** The same with a plain pool of 6 XMLHttpRequests posting forms: the practical limit. */
export async function uploadRawXhr(sink: string, count: number, size: number) {
  const files = blobs(count, size)
  const start = await startSpan()
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as File
      await new Promise<void>((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', sink)
        xhr.upload.onprogress = () => {}
        xhr.onload = () => (xhr.status === 200 ? resolve() : reject(new Error(`${xhr.status}`)))
        xhr.onerror = () => reject(new Error('network'))
        const form = new FormData()
        form.append('name', file.name)
        form.append('file', file)
        xhr.send(form)
      })
    }
  }
  await Promise.all(Array.from({ length: 6 }, worker))
  return endSpan(start)
}

/** Every task of the page that held the main thread for 50 ms or more (the browser's threshold). */
const longTasks: { start: number; end: number }[] = []
if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
    }
  }).observe({ type: 'longtask' })
}

/**
 * Runs the bench function `name` and returns its result with the longest main-thread task that
 * overlapped its measured span: 0 when none reached the browser's 50 ms threshold. It runs in a
 * task of the page's own, since a script Playwright evaluates is not a task the long-task API sees.
 */
export async function withLongestTask(name: string, args: unknown[]) {
  const fn = (benchFunctions as Record<string, (...args: unknown[]) => unknown>)[name]
  if (!fn) throw new Error(`No bench function ${name}`)
  span.start = Number.POSITIVE_INFINITY
  span.end = 0
  const result = await new Promise((resolve, reject) => {
    setTimeout(() => {
      Promise.resolve()
        .then(() => fn(...args))
        .then(resolve, reject)
    }, 0)
  })
  // Long-task entries arrive after their task; give the observer a turn to deliver them.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const longest = longTasks
    .filter((task) => task.end > span.start && task.start < span.end)
    .reduce((most, task) => Math.max(most, task.end - task.start), 0)
  return { result, longestTask: longest }
}

const benchFunctions = {
  listInDropzone,
  readFirstBytes,
  plainUppyAddFiles,
  uploadAssetdrop,
  uploadPlainUppy,
  uploadRawXhr,
}

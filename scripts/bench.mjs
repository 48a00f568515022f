/**
 * Benchmarks in real Chromium against a loopback sink server: assetdrop next to plain Uppy and a
 * plain pool of XMLHttpRequests, measured in the same run. Prints min / median / max over
 * BENCH_RUNS runs (5) and the ratios, and for the add and small-file cases the longest task that
 * held the main thread (Chromium's long-task entries, 50 ms and over) while each case ran.
 *
 *   npm run bench                 # every table
 *   BENCH_ONLY=upload npm run bench   # one table: add, small, large, heap
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright'
import { build } from 'vite'
import { chromiumLaunchOptions } from './chromium.mjs'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_RUNS ?? 5)
const only = process.env.BENCH_ONLY
const MiB = 1024 * 1024

const output = await build({
  configFile: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    write: false,
    minify: true,
    lib: {
      entry: resolve(root, 'bench/scale.ts'),
      formats: ['iife'],
      name: 'bench',
      fileName: 'bench',
    },
  },
})
const code = (Array.isArray(output) ? output : [output])[0].output[0].code

/** The sink: takes any upload whole and answers with a small asset record. */
let served = 0
const sink = createServer((request, response) => {
  response.setHeader('access-control-allow-origin', '*')
  response.setHeader('access-control-allow-headers', '*')
  if (request.method === 'OPTIONS') return response.writeHead(204).end()
  request.on('data', () => {})
  request.on('end', () => {
    served += 1
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(`{"id":"a${served}","url":"http://127.0.0.1/a${served}","size":1}`)
  })
})
await new Promise((done) => sink.listen(0, '127.0.0.1', done))
const sinkUrl = `http://127.0.0.1:${sink.address().port}/upload`

const browser = await chromium.launch({
  ...chromiumLaunchOptions,
  args: [...(chromiumLaunchOptions.args ?? []), '--js-flags=--expose-gc'],
})
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b)
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) }
}
const fmt = (value, unit = 'ms') => `${value.toFixed(value < 100 ? 1 : 0)} ${unit}`.padStart(11)
const row = (cells, widths) =>
  cells.map((cell, i) => String(cell).padStart(widths[i] ?? 11)).join(' ')

/**
 * A file of `size` bytes on disk (a header and a last byte, the rest a hole), so the big cases
 * upload a disk-backed File from a file input, as an end user's would be, not a blob in memory.
 */
const diskFiles = []
const diskFile = (size) => {
  const path = join(tmpdir(), `assetdrop-bench-${process.pid}-${size}.bin`)
  const fd = openSync(path, 'w')
  writeSync(fd, Buffer.from('%PDF-1.7\n'), 0, 9, 0)
  writeSync(fd, Buffer.from([1]), 0, 1, size - 1)
  closeSync(fd)
  diskFiles.push(path)
  return path
}

/** Puts the file at `path` in the page's file input; the page's uploads then use it. */
const chooseFile = async (page, path) => {
  await page.setInputFiles('#bench-file', path)
  await page.evaluate(() => {
    window.benchFile = document.querySelector('#bench-file').files[0]
  })
}

/** A page with the widget's stylesheet (as a real page has) and the bench code. */
const newPage = async () => {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><title>bench</title><input type="file" id="bench-file">')
  await page.addStyleTag({ path: resolve(root, 'src/styles.css') })
  await page.addScriptTag({ content: code })
  return page
}
const callIn = (page, fn, ...args) =>
  page.evaluate(({ fn, args }) => window.bench[fn](...args), { fn, args })
/** Runs `fn` in `page`: its result, and the longest main-thread task while it ran (ms). */
const timedIn = (page, fn, ...args) => callIn(page, 'withLongestTask', fn, args)
/** One run of `fn` in a page of its own, as an end user drops files on a page once. */
const inFreshPage = async (fn, ...args) => {
  const page = await newPage()
  try {
    return await timedIn(page, fn, ...args)
  } finally {
    await page.close()
  }
}

try {
  const page = await newPage()
  const call = (fn, ...args) => callIn(page, fn, ...args)
  const timed = (fn, ...args) => timedIn(page, fn, ...args)
  /** The longest of the runs' longest tasks, or "< 50 ms" when none reached the threshold. */
  const longest = (tasks) => {
    const most = Math.max(...tasks)
    return most === 0 ? '< 50 ms' : fmt(most)
  }
  console.log(`Chromium ${browser.version()}, Node ${process.version}, ${runs} runs per case`)

  if (!only || only === 'add') {
    console.log(
      '\n1. Adding files (validation with content checks) until listed in <AssetDropzone>',
    )
    console.log(row(['files', 'who', 'min', 'median', 'max', 'vs us', 'longest task'], [7, 26]))
    const names = {
      listInDropzone: 'assetdrop',
      readFirstBytes: 'browser reading heads',
      plainUppyAddFiles: 'plain Uppy addFiles',
    }
    for (const count of [1000, 10_000]) {
      const times = { listInDropzone: [], readFirstBytes: [], plainUppyAddFiles: [] }
      const tasks = { listInDropzone: [], readFirstBytes: [], plainUppyAddFiles: [] }
      for (let run = 0; run < runs; run += 1) {
        for (const fn of Object.keys(times)) {
          const { result, longestTask } = await inFreshPage(fn, count, 1)
          times[fn].push(...result)
          tasks[fn].push(longestTask)
        }
      }
      const ours = stats(times.listInDropzone).median
      for (const [fn, list] of Object.entries(times)) {
        const { min, median, max } = stats(list)
        const ratio = fn === 'listInDropzone' ? '' : `${(median / ours).toFixed(2)}×`
        console.log(
          row(
            [count, names[fn], fmt(min), fmt(median), fmt(max), ratio, longest(tasks[fn])],
            [7, 26, 11, 11, 11, 11, 14],
          ),
        )
      }
    }
    console.log(
      '   (browser reading heads: the first bytes of the same files read in the same batches, with',
    )
    console.log('   nothing else: the floor under the content check)')
  }

  /** Runs the three uploaders in turns, `runs` times each, and prints their table. */
  const uploadTable = async (title, count, size) => {
    console.log(`\n${title}`)
    console.log(row(['who', 'min', 'median', 'max', 'vs raw XHR', 'longest task'], [22]))
    const times = { uploadRawXhr: [], uploadAssetdrop: [], uploadPlainUppy: [] }
    const tasks = { uploadRawXhr: [], uploadAssetdrop: [], uploadPlainUppy: [] }
    for (let run = 0; run < runs; run += 1) {
      for (const fn of Object.keys(times)) {
        const { result, longestTask } = await timed(fn, sinkUrl, count, size)
        times[fn].push(result)
        tasks[fn].push(longestTask)
      }
    }
    const raw = stats(times.uploadRawXhr).median
    const names = {
      uploadRawXhr: 'raw XHR pool of 6',
      uploadAssetdrop: 'assetdrop',
      uploadPlainUppy: 'plain Uppy',
    }
    for (const [fn, list] of Object.entries(times)) {
      const { min, median, max } = stats(list)
      const ratio = `${(median / raw).toFixed(2)}×`
      console.log(
        row(
          [names[fn], fmt(min), fmt(median), fmt(max), ratio, longest(tasks[fn])],
          [22, 11, 11, 11, 11, 14],
        ),
      )
    }
  }
  if (!only || only === 'small')
    await uploadTable('2. Uploading 3,000 files of 1 KiB at concurrency 6', 3000, 1024)
  if (!only || only === 'large') {
    await chooseFile(page, diskFile(256 * MiB))
    await uploadTable(
      '3. Uploading one 256 MiB file (from disk, through a file input)',
      1,
      256 * MiB,
    )
  }

  if (!only || only === 'heap') {
    console.log(
      '\n4. Peak JS heap while uploading one 1 GiB file (from disk; heap sampled every 20 ms)',
    )
    console.log(row(['who', 'min', 'median', 'max', 'vs raw XHR'], [22]))
    const cdp = await page.context().newCDPSession(page)
    await chooseFile(page, diskFile(1024 * MiB))
    const peaks = { uploadRawXhr: [], uploadAssetdrop: [] }
    for (let run = 0; run < runs; run += 1) {
      for (const fn of Object.keys(peaks)) {
        await page.evaluate(() => globalThis.gc?.())
        let peak = 0
        let sampling = true
        const sampler = (async () => {
          while (sampling) {
            const { usedSize } = await cdp.send('Runtime.getHeapUsage')
            peak = Math.max(peak, usedSize)
            await new Promise((done) => setTimeout(done, 20))
          }
        })()
        await call(fn, sinkUrl, 1, 1024 * MiB)
        sampling = false
        await sampler
        peaks[fn].push(peak / MiB)
      }
    }
    const raw = stats(peaks.uploadRawXhr).median
    for (const [fn, list] of Object.entries(peaks)) {
      const { min, median, max } = stats(list)
      const name = fn === 'uploadRawXhr' ? 'raw XHR' : 'assetdrop'
      const delta = median - raw
      console.log(
        row(
          [
            name,
            fmt(min, 'MiB'),
            fmt(median, 'MiB'),
            fmt(max, 'MiB'),
            `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} MiB`,
          ],
          [22],
        ),
      )
    }
  }
} finally {
  await browser.close()
  sink.close()
  for (const path of diskFiles) rmSync(path, { force: true })
}

/**
 * Benchmarks in real Chromium: prints min / median / max over several runs, and how the time
 * grows with the number of files.
 *
 *   npm run bench
 */
import { resolve } from 'node:path'
import { chromium } from 'playwright'
import { build } from 'vite'
import { chromiumLaunchOptions } from './chromium.mjs'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_RUNS ?? 5)
const counts = (process.env.BENCH_COUNTS ?? '1000,10000').split(',').map(Number)

const output = await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    lib: {
      entry: resolve(root, 'bench/validation.ts'),
      formats: ['iife'],
      name: 'bench',
      fileName: 'bench',
    },
  },
})
const code = (Array.isArray(output) ? output : [output])[0].output[0].code

const browser = await chromium.launch(chromiumLaunchOptions)
const version = browser.version()
try {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><title>bench</title>')
  await page.addScriptTag({ content: code })
  const stats = (times) => {
    const sorted = [...times].sort((a, b) => a - b)
    return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) }
  }
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(11)

  const cases = [
    ['validateFiles (name, type, size, content and image checks)', 'validation'],
    ['uploader.addFiles (validation, then Uppy addFiles)', 'uploaderAddFiles'],
  ].filter(([, fn]) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === fn)
  for (const [title, fn] of cases) {
    console.log(`\n${title}, ${runs} runs, Chromium ${version}`)
    console.log(
      `${'files'.padStart(7)} ${'min'.padStart(11)} ${'median'.padStart(11)} ${'max'.padStart(11)} ${'per file'.padStart(11)}`,
    )
    const medians = []
    for (const count of counts) {
      const times = await page.evaluate(({ fn, count, runs }) => window.bench[fn](count, runs), {
        fn,
        count,
        runs,
      })
      const { min, median, max } = stats(times)
      medians.push(median)
      console.log(
        `${String(count).padStart(7)} ${ms(min)} ${ms(median)} ${ms(max)} ${`${((median / count) * 1000).toFixed(1)} µs`.padStart(11)}`,
      )
    }
    const [first, last] = [counts[0], counts.at(-1)]
    const ratio = (medians.at(-1) / medians[0]).toFixed(2)
    console.log(
      `${last} / ${first} files, median ratio: ${ratio} (${(last / first).toFixed(2)} is linear)`,
    )
  }
} finally {
  await browser.close()
}

/**
 * Drives a running Storybook (`npm start`) as a person would: opens each backend story, chooses
 * a real PNG, uploads it, and prints the asset record the story shows. Saves screenshots in /tmp.
 *
 *   node scripts/smoke-storybook.mjs [http://127.0.0.1:6006]
 */
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from './chromium.mjs'

const base = process.argv[2] ?? 'http://127.0.0.1:6006'
const stories = [
  'widgets-assetuploader-uppy-dashboard--public-upload',
  'presets--dintero-assets',
  'presets--partner-assets',
  'presets--indream-uploads',
  'presets--project-assets',
  'presets--backoffice-images',
]
const png = readFileSync(new URL('../test/fixtures/photo.png', import.meta.url))
const browser = await chromium.launch(chromiumLaunchOptions)
let failures = 0
try {
  for (const id of stories) {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } })
    try {
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`)
      const input = page.locator('input.uppy-Dashboard-input').first()
      await input.waitFor({ state: 'attached', timeout: 60_000 })
      await input.setInputFiles({ name: 'smoke.png', mimeType: 'image/png', buffer: png })
      await page.getByRole('button', { name: /upload 1 file/i }).click()
      const records = page.getByRole('region', { name: 'Asset records' })
      await records.waitFor({ timeout: 30_000 })
      const [record] = JSON.parse((await records.locator('pre').textContent()) ?? '[]')
      console.log(
        `${id}: ${record.strategy} id=${record.id} url=${record.url ?? '-'} size=${record.size}`,
      )
      await page.screenshot({ path: `/tmp/story-${id}.png`, fullPage: true })
    } catch (error) {
      failures += 1
      console.log(`${id}: FAILED ${error.message.split('\n')[0]}`)
      await page.screenshot({ path: `/tmp/story-${id}.png`, fullPage: true })
    } finally {
      await page.close()
    }
  }
} finally {
  await browser.close()
}
process.exit(failures === 0 ? 0 : 1)

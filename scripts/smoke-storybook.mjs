/**
 * Drives a running Storybook (`npm start`) as a person would: opens the multipart-form story,
 * chooses a file, uploads it, and prints the asset record the story shows. Saves a screenshot.
 *
 *   node scripts/smoke-storybook.mjs [http://127.0.0.1:6006]
 */
import { chromium } from 'playwright'

const base = process.argv[2] ?? 'http://127.0.0.1:6006'
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } })
  await page.goto(
    `${base}/iframe.html?id=backends-multipart-form-document-001--public-upload&viewMode=story`,
  )
  const input = page.locator('input.uppy-Dashboard-input').first()
  await input.waitFor({ state: 'attached', timeout: 60_000 })
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  )
  await input.setInputFiles({ name: 'smoke.png', mimeType: 'image/png', buffer: png })
  await page.getByRole('button', { name: /upload 1 file/i }).click()
  const records = page.getByRole('region', { name: 'Asset records' })
  await records.waitFor({ timeout: 30_000 })
  console.log(await records.locator('pre').textContent())
  await page.screenshot({ path: '/tmp/storybook-smoke.png', fullPage: true })
} finally {
  await browser.close()
}

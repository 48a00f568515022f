/**
 * Writes the image fixtures in test/fixtures/: real PNG, JPEG and WebP files encoded by
 * Chromium's canvas, and a GIF written by hand, each 40×30 pixels.
 *
 *   node scripts/make-fixtures.mjs
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from './chromium.mjs'

const out = join(import.meta.dirname, '../test/fixtures')
const width = 40
const height = 30

const browser = await chromium.launch(chromiumLaunchOptions)
try {
  const page = await browser.newPage()
  for (const [name, type] of [
    ['photo.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.webp', 'image/webp'],
  ]) {
    const base64 = await page.evaluate(
      async ({ width, height, type }) => {
        const canvas = new OffscreenCanvas(width, height)
        const context = canvas.getContext('2d')
        context.fillStyle = '#2d6cdf'
        context.fillRect(0, 0, width, height)
        context.fillStyle = '#f4b400'
        context.fillRect(8, 6, 16, 12)
        const blob = await canvas.convertToBlob({ type, quality: 0.9 })
        const bytes = new Uint8Array(await blob.arrayBuffer())
        return btoa(String.fromCharCode(...bytes))
      },
      { width, height, type },
    )
    writeFileSync(join(out, name), Buffer.from(base64, 'base64'))
  }
} finally {
  await browser.close()
}

// GIF89a, one colour, every pixel index 0: LZW with a 2-bit minimum code size.
const gif = Buffer.concat([
  Buffer.from('GIF89a', 'ascii'),
  Buffer.from([width, 0, height, 0, 0x80, 0, 0]),
  Buffer.from([0x2d, 0x6c, 0xdf, 0xff, 0xff, 0xff]),
  Buffer.from([0x2c, 0, 0, 0, 0, width, 0, height, 0, 0]),
  Buffer.from([0x02]),
  lzwSubBlocks(width * height),
  Buffer.from([0x3b]),
])
writeFileSync(join(out, 'photo.gif'), gif)

/** LZW data for `count` pixels of index 0, resetting before the table grows past 3-bit codes. */
function lzwSubBlocks(count) {
  const clear = 4
  const end = 5
  const codes = []
  let left = count
  while (left > 0) {
    codes.push(clear)
    // With a fresh table, emit single pixels: codes stay 3 bits wide for 2 more entries.
    const run = Math.min(left, 2)
    for (let index = 0; index < run; index += 1) codes.push(0)
    left -= run
  }
  codes.push(end)
  const bytes = []
  let buffer = 0
  let bits = 0
  for (const code of codes) {
    buffer |= code << bits
    bits += 3
    while (bits >= 8) {
      bytes.push(buffer & 0xff)
      buffer >>= 8
      bits -= 8
    }
  }
  if (bits > 0) bytes.push(buffer & 0xff)
  const blocks = []
  for (let index = 0; index < bytes.length; index += 255) {
    const chunk = bytes.slice(index, index + 255)
    blocks.push(Buffer.from([chunk.length, ...chunk]))
  }
  return Buffer.concat([...blocks, Buffer.from([0])])
}

/**
 * Uppy's own log stays out of the console for what assetdrop already reports (an app's users
 * would otherwise see an error line for every refused upload); `debug` lets it through.
 */
import { expect, it } from 'vitest'
import { createUploader, multipartForm } from '../../../src/index'
import { pdfFile, referenceUrl, uniqueName } from '../../support'

/** Every console line written while `work` runs. */
async function consoleDuring(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((method) => console[method])
  for (const method of methods) {
    console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '))
  }
  try {
    await work()
  } finally {
    methods.forEach((method, index) => {
      console[method] = originals[index] as (typeof console)[typeof method]
    })
  }
  return lines
}

it.each([
  [false, 'prints none of Uppy’s lines'],
  [true, 'prints Uppy’s lines with debug'],
])('an upload the server refuses (debug %s) %s', async (debug) => {
  const uploader = createUploader({
    strategy: multipartForm({
      endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
      headers: { authorization: 'Bearer not-the-token' },
    }),
    debug,
  })
  try {
    const lines = await consoleDuring(async () => {
      await uploader.addFiles([pdfFile(uniqueName('refused.pdf'), 400)])
      const { failed } = await uploader.upload()
      expect(failed.map(({ error }) => error.code)).toEqual(['unauthorized'])
    })
    const uppy = lines.filter((line) => line.includes('[Uppy]'))
    if (debug) expect(uppy.length).toBeGreaterThan(0)
    else expect(uppy).toEqual([])
  } finally {
    uploader.destroy()
  }
})

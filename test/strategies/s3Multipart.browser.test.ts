import { afterEach, describe, expect, it } from 'vitest'
import { createUploader } from '../../src/core/uploader/createUploader'
import { requestJson } from '../../src/strategies/kit/requestJson'
import { type S3SignRequest, s3Multipart } from '../../src/strategies/s3Multipart'
import { addFault, pdfFile, referenceUrl, s3Bytes, sha256, uniqueName } from '../support'
import { spyOnNetwork } from '../validation/networkSpy'

const MiB = 1024 * 1024

/** The app's backend signs each S3 request (the reference's `/app/s3/sign`). */
const signRequest = async (request: S3SignRequest) => {
  const { json } = await requestJson({ url: `${referenceUrl}/app/s3/sign`, body: request })
  return json as { url: string }
}

const strategy = () =>
  s3Multipart({
    signRequest,
    multipartThreshold: 10 * MiB,
    partSize: 5 * MiB,
    objectKey: (file) => `projects/multipart/${file.id.replace(/\W+/g, '_')}/${file.name}`,
  })

afterEach(() => fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' }))

const partPuts = (requests: { method: string; url: string }[], part: number) =>
  requests.filter(
    (request) => request.method === 'PUT' && request.url.includes(`partNumber=${part}&`),
  ).length

describe('s3Multipart: an app that signs S3 requests', () => {
  it('stores a small file with one PUT and a large one by multipart, byte for byte', async () => {
    const small = pdfFile(uniqueName('small.pdf'), 200_000)
    const large = pdfFile(uniqueName('large.pdf'), 12 * MiB + 123)
    const uploader = createUploader({ strategy: strategy() })
    const spy = spyOnNetwork()
    try {
      await uploader.addFiles([small, large])
      const { assets, failed } = await uploader.upload()
      expect(failed).toEqual([])
      expect(assets.map((asset) => asset.name)).toEqual([small.name, large.name])
      for (const [index, file] of [small, large].entries()) {
        expect(assets[index]).toMatchObject({
          key: expect.stringMatching(/^projects\/multipart\//),
          strategy: 'presigned-put',
        })
        expect(await sha256(await s3Bytes(assets[index]?.key ?? ''))).toBe(await sha256(file))
      }
    } finally {
      spy.stop()
      uploader.destroy()
    }
    expect([1, 2, 3].map((part) => partPuts(spy.requests, part))).toEqual([1, 1, 1])
  }, 30_000)

  it('resumes an interrupted multipart upload without sending the stored parts again', async () => {
    const file = pdfFile(uniqueName('resume.pdf'), 12 * MiB)
    // The second part's connection drops on every attempt, until the network is "back".
    await addFault({
      match: { method: 'PUT', query: 'partNumber=2' },
      count: 1000,
      action: { kind: 'drop-mid-body' },
    })
    // No automatic retries: the test retries by hand once the network is back.
    const uploader = createUploader({ strategy: strategy(), retry: false })
    const spy = spyOnNetwork()
    try {
      const [added] = (await uploader.addFiles([file])).added
      const first = await uploader.upload()
      expect(first.failed[0]?.error.code).toBe('network')
      const attempts = partPuts(spy.requests, 2)
      expect(attempts).toBeGreaterThanOrEqual(1)
      await fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' })

      const second = await uploader.retry(added?.id)
      expect(second.failed).toEqual([])
      expect(await sha256(await s3Bytes(second.assets[0]?.key ?? ''))).toBe(await sha256(file))
    } finally {
      spy.stop()
      uploader.destroy()
    }
    // Resuming asked S3 which parts it had (ListParts) and sent only the missing ones.
    expect(partPuts(spy.requests, 1)).toBe(1)
    expect(partPuts(spy.requests, 3)).toBe(1)
  }, 60_000)
})

/**
 * The uploader's engine against the reference backends, in Chromium: one id everywhere, limits
 * that hold, batches that never hang, multi-step uploads that retry only the failed step.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  createUploader,
  type FileInfo,
  multipartForm,
  presignedPut,
  registerByReference,
  requestJson,
  type S3SignRequest,
  s3Multipart,
  toAssetRecord,
  type Uploader,
} from '../../../src/index'
import { demoCredentials as c } from '../../server/demo'
import { addFault, appPresign, pdfFile, referenceUrl, uniqueName } from '../../support'
import { spyOnNetwork } from '../../validation/networkSpy'

const partner = (options: Partial<Parameters<typeof multipartForm>[0]> = {}) =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${c.partnerToken}` },
    ...options,
  })

const signRequest = async (request: S3SignRequest) => {
  const { json } = await requestJson({ url: `${referenceUrl}/app/s3/sign`, body: request })
  return json as { url: string }
}

const live: Uploader[] = []
const uploaderWith = (options: Parameters<typeof createUploader>[0]) => {
  const uploader = createUploader(options)
  live.push(uploader)
  return uploader
}
afterEach(async () => {
  for (const uploader of live.splice(0)) uploader.destroy()
  await fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' })
})

describe('one id for a file, everywhere', () => {
  it('gives strategies, their callbacks and the asset record the widget’s own id', async () => {
    const seen: string[] = []
    const uploader = uploaderWith({
      strategy: partner({
        headers: (file) => {
          seen.push(`headers ${file.id}`)
          return { authorization: `Bearer ${c.partnerToken}` }
        },
        toAsset: (answer, file) => {
          seen.push(`toAsset ${file.id}`)
          const body = answer.json as { id: string }
          return toAssetRecord(
            { id: body.id },
            { strategy: 'multipart-form', file, response: body },
          )
        },
      }),
    })
    const [added] = (await uploader.addFiles([pdfFile(uniqueName('id.pdf'), 3000)])).added
    const { assets } = await uploader.upload()
    const id = added?.id
    expect(id).toMatch(/^f\d+-\d+$/)
    expect(seen).toEqual([`headers ${id}`, `toAsset ${id}`])
    expect(assets[0]?.fileId).toBe(id)
  })

  it('names S3 objects and presigned uploads by the widget’s id', async () => {
    const keys: string[] = []
    const s3 = uploaderWith({
      strategy: s3Multipart({
        signRequest,
        objectKey: (file) => {
          keys.push(file.id)
          return `projects/ids/${file.id}/${file.name}`
        },
      }),
    })
    const [fromS3] = (await s3.addFiles([pdfFile(uniqueName('key.pdf'), 3000)])).added
    const stored = await s3.upload()
    expect(keys).toEqual([fromS3?.id])
    expect(stored.assets[0]).toMatchObject({
      fileId: fromS3?.id,
      key: `projects/ids/${fromS3?.id}/${fromS3?.name}`,
    })

    const asked: string[] = []
    const presigned = uploaderWith({
      strategy: presignedPut({
        getUploadUrl: async (file) => {
          asked.push(file.id)
          return appPresign(file)
        },
      }),
    })
    const [fromPresign] = (await presigned.addFiles([pdfFile(uniqueName('url.pdf'), 3000)])).added
    const { assets } = await presigned.upload()
    expect(asked).toEqual([fromPresign?.id])
    expect(assets[0]?.fileId).toBe(fromPresign?.id)
  })
})

describe('a batch never hangs', () => {
  it('uploads two files whose names differ only in case (same size, type and date)', async () => {
    const base = uniqueName('case.pdf')
    const bytes = new Uint8Array(3000)
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
    const upper = new File([bytes], base.toUpperCase().replace('.PDF', '.pdf'), {
      type: 'application/pdf',
      lastModified: 1_700_000_000_000,
    })
    const lower = new File([bytes], base, {
      type: 'application/pdf',
      lastModified: 1_700_000_000_000,
    })
    const uploader = uploaderWith({ strategy: partner() })
    const { added } = await uploader.addFiles([upper, lower])
    expect(added).toHaveLength(2)
    const { assets, failed } = await uploader.upload()
    expect(failed).toEqual([])
    expect(assets.map((asset) => asset.name)).toEqual([upper.name, lower.name])
    expect(uploader.getSnapshot().status).toBe('idle')
  })

  it('takes the same file once when two adds race, and the upload resolves', async () => {
    const file = pdfFile(uniqueName('race.pdf'), 3000)
    const uploader = uploaderWith({ strategy: partner() })
    const [first, second] = await Promise.all([
      uploader.addFiles([file]),
      uploader.addFiles([file]),
    ])
    expect([first.added.length, second.rejected[0]?.issues[0]?.code]).toEqual([1, 'duplicate'])
    const { assets } = await uploader.upload()
    expect(assets).toHaveLength(1)
  })
})

describe('limits count every file that keeps its place', () => {
  it('counts a failed file towards maxFiles, and a file waiting to be retried', async () => {
    const failing = pdfFile(uniqueName('fails.pdf'), 3000)
    await addFault({
      match: { method: 'POST', path: '/partner/asset/upload/' },
      action: { kind: 'respond', status: 422, body: '{"message":"no"}' },
    })
    const uploader = uploaderWith({ strategy: partner(), constraints: { maxFiles: 1 } })
    await uploader.addFiles([failing])
    const { failed } = await uploader.upload()
    expect(failed).toHaveLength(1)
    const later = await uploader.addFiles([pdfFile(uniqueName('later.pdf'), 3000)])
    expect(later.rejected[0]?.issues[0]?.code).toBe('too-many-files')

    // A file waiting for its next try keeps its place too.
    await addFault({
      match: { method: 'POST', path: '/partner/asset/upload/' },
      action: { kind: 'respond', status: 503, body: '{}' },
    })
    const waiting = uploaderWith({
      strategy: partner(),
      constraints: { maxFiles: 1 },
      retry: { delay: 60_000 },
    })
    await waiting.addFiles([pdfFile(uniqueName('waits.pdf'), 3000)])
    void waiting.upload()
    await expect.poll(() => waiting.getSnapshot().items[0]?.status).toBe('retrying')
    const extra = await waiting.addFiles([pdfFile(uniqueName('extra.pdf'), 3000)])
    expect(extra.rejected[0]?.issues[0]?.code).toBe('too-many-files')
  })
})

describe('a multi-step upload retries the step that failed', () => {
  it('registers again after the register call fails, without sending the bytes again', async () => {
    const file = pdfFile(uniqueName('register.pdf'), 3000)
    const tag = (info: FileInfo) => ({ 'x-file': info.name })
    const registrar = registerByReference({
      endpoint: `${referenceUrl}/api/v2/projects/${c.projectId}/assets`,
      headers: (info) => ({ 'x-api-key': c.projectApiKey, ...tag(info) }),
    })
    await addFault({
      match: { method: 'POST', path: '/api/v2/projects/', header: ['x-file', file.name] },
      action: { kind: 'respond', status: 500, body: '{"error":"try again"}' },
    })
    const uploader = uploaderWith({
      strategy: presignedPut({
        metaFields: registrar.metaFields,
        getUploadUrl: async (info) => ({ ...(await appPresign(info)), headers: tag(info) }),
        toAsset: ({ file: info, issued, signal }) =>
          registrar.register(
            {
              kind: 'storage-key',
              key: (issued.response as { key: string }).key,
              filename: info.name,
            },
            info,
            { signal },
          ),
      }),
      retry: { delay: 20 },
    })
    const spy = spyOnNetwork()
    try {
      await uploader.addFiles([file])
      const { assets, failed } = await uploader.upload()
      expect(failed).toEqual([])
      expect(assets[0]).toMatchObject({ name: file.name, strategy: 'register-by-reference' })
    } finally {
      spy.stop()
    }
    const count = (method: string, path: string) =>
      spy.requests.filter(
        (request) =>
          request.method === method &&
          request.url.includes(path) &&
          request.headers['x-file'] === file.name,
      ).length
    expect(count('PUT', '/projects/uploads/')).toBe(1)
    expect(count('POST', '/api/v2/projects/')).toBe(2)
  })
})

describe('a mapper that throws', () => {
  it('fails the file as `bad-response` after one upload, on the aws-s3 path too', async () => {
    const file = pdfFile(uniqueName('mapper.pdf'), 3000)
    const uploader = uploaderWith({
      strategy: s3Multipart({
        signRequest,
        objectKey: (info) => `projects/mapper/${info.id}/${info.name}`,
        toAsset: () => {
          throw new TypeError('no id in this answer')
        },
      }),
      retry: { delay: 10 },
    })
    const spy = spyOnNetwork()
    try {
      await uploader.addFiles([file])
      const { failed } = await uploader.upload()
      expect(failed[0]?.error).toMatchObject({ code: 'bad-response' })
      expect(failed[0]?.error.cause).toBeInstanceOf(TypeError)
    } finally {
      spy.stop()
    }
    const puts = spy.requests.filter(
      (request) => request.method === 'PUT' && request.url.includes('/projects/mapper/'),
    )
    expect(puts).toHaveLength(1)
  })
})

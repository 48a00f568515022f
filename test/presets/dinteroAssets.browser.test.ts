import { afterEach, describe, expect, it } from 'vitest'
import { dinteroAssets } from '../../src/presets/dinteroAssets'
import { requestJson } from '../../src/strategies/kit/requestJson'
import { presignedPut } from '../../src/strategies/presignedPut'
import { demoCredentials } from '../server/demo'
import {
  addFault,
  bytesOf,
  pdfFile,
  referenceUrl,
  requestsTo,
  s3Bytes,
  storedBytes,
  uniqueName,
  uploadAll,
} from '../support'
import { spyOnNetwork } from '../validation/networkSpy'
import { image } from './fixtures'

const c = demoCredentials
const preset = (options: Partial<Parameters<typeof dinteroAssets>[0]> = {}) =>
  dinteroAssets({
    accountId: c.dinteroAccountId,
    token: async () => c.dinteroToken,
    apiBase: referenceUrl,
    ...options,
  })
const csv = () =>
  new File(['name,amount\nÅse,12.50\n'], uniqueName('table.csv'), { type: 'text/csv' })
const s3Origin = async () => new URL((await issueRaw()).upload_url).origin

async function issueRaw() {
  const { json } = await requestJson({
    url: `${referenceUrl}/v1/accounts/${c.dinteroAccountId}/management/assets`,
    headers: { authorization: `Bearer ${c.dinteroToken}` },
    body: { size_bytes: 1, mime_type: 'text/csv' },
  })
  return json as { upload_url: string; public_url: string }
}

afterEach(() => fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' }))

const postCount = async () =>
  (await requestsTo('dintero-assets')).filter((request) => request.method === 'POST').length

describe('dinteroAssets (document 000, presigned PUT)', () => {
  it('uploads real files and returns records from public_url, whose bytes equal the files', async () => {
    const files = [await image('png'), pdfFile(uniqueName('report.pdf'), 5000), csv()]
    const { assets, failed, added } = await uploadAll(preset(), files)
    expect(failed).toEqual([])
    expect(assets).toHaveLength(3)
    for (const [index, asset] of assets.entries()) {
      const file = files[index] as File
      expect(asset).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}\.(png|pdf|csv)$/),
        name: file.name,
        mimeType: file.type,
        size: file.size,
        url: expect.stringMatching(
          new RegExp(`^${referenceUrl}/cdn/dintero/dintero/${c.dinteroAccountId}/public/`),
        ),
        previews: {},
        access: 'public',
        strategy: 'presigned-put',
        fileId: added.added[index]?.id,
        // The signed upload URL stays out: whoever held it could overwrite the object until it expires.
        response: { public_url: asset.url, upload_expires_in: 3600 },
      })
      expect(JSON.stringify(asset)).not.toContain('X-Amz-Signature')
      expect(await storedBytes(asset.url ?? '')).toEqual(await bytesOf(file))
    }
  })

  it('sends the usual type the document lists when the browser reports another name for it', async () => {
    // Some browsers report image/jpg or image/pjpeg for a JPEG, and Windows with Excel reports a
    // .csv as application/vnd.ms-excel; document 000's mime_type takes only its six types.
    const jpeg = await image('jpg')
    const files = [
      new File([jpeg], uniqueName('photo.jpg'), { type: 'image/jpg' }),
      new File([jpeg], uniqueName('scan.jpeg'), { type: 'image/pjpeg' }),
      new File(['name,amount\nBo,3\n'], uniqueName('table.csv'), {
        type: 'application/vnd.ms-excel',
      }),
    ]
    const { assets, failed } = await uploadAll(preset(), files)
    expect(failed).toEqual([])
    expect(assets.map((asset) => asset.mimeType)).toEqual(['image/jpeg', 'image/jpeg', 'text/csv'])
  })

  it('stores private files, off the public URL', async () => {
    const file = await image('jpg')
    const { assets } = await uploadAll(preset({ access: 'private' }), [file])
    const url = assets[0]?.url ?? ''
    expect(assets[0]).toMatchObject({ access: 'private' })
    expect((await fetch(url)).status).toBe(404)
    expect(await s3Bytes(url.split('/cdn/dintero/')[1] ?? '')).toEqual(await bytesOf(file))
  })

  it('sends the bearer token to the API only, never to the S3 host', async () => {
    const spy = spyOnNetwork()
    try {
      const { assets } = await uploadAll(preset(), [await image('png')])
      expect(assets).toHaveLength(1)
    } finally {
      spy.stop()
    }
    const s3 = await s3Origin()
    const toS3 = spy.requests.filter((request) => request.url.startsWith(s3))
    const toApi = spy.requests.filter((request) => request.url.includes('/management/assets'))
    expect(toS3).toHaveLength(1)
    expect(toApi).toHaveLength(1)
    expect(toApi[0]?.headers.authorization).toBe(`Bearer ${c.dinteroToken}`)
    for (const request of toS3) {
      expect(Object.keys(request.headers).map((name) => name.toLowerCase())).toEqual([
        'content-type',
      ])
      expect(request.url).not.toContain(c.dinteroToken)
    }
  })

  it('asks for a fresh URL once when the first expired during the attempt, and succeeds', async () => {
    const before = await postCount()
    await addFault({
      match: { path: '/management/assets' },
      action: { kind: 'expire-upload-urls', seconds: 1 },
    })
    await addFault({
      match: { method: 'PUT', path: '/dintero/' },
      action: { kind: 'delay', ms: 2100 },
    })
    const png = await image('png')
    const { assets, failed } = await uploadAll(preset(), [png])
    expect(failed).toEqual([])
    expect(assets).toHaveLength(1)
    expect(await storedBytes(assets[0]?.url ?? '')).toEqual(await bytesOf(png))
    expect((await postCount()) - before).toBe(2)
  }, 15_000)

  it('with upload_expires_in 0, asks for one URL per attempt and renews it once: 2 presigns and 2 PUTs', async () => {
    const before = await postCount()
    await addFault({
      match: { path: '/management/assets' },
      action: { kind: 'expire-upload-urls', seconds: 0 },
    })
    const spy = spyOnNetwork()
    try {
      const { assets, failed } = await uploadAll(preset(), [await image('png')])
      expect(failed).toEqual([])
      expect(assets).toHaveLength(1)
    } finally {
      spy.stop()
    }
    const puts = spy.requests.filter((request) => request.method === 'PUT')
    // The first URL was stale when used; each PUT went to the URL its own attempt was issued.
    expect(puts).toHaveLength(2)
    expect(puts[0]?.url).not.toBe(puts[1]?.url)
    expect((await postCount()) - before).toBe(2)
  })

  it('fails a tampered upload URL with `signature-mismatch`', async () => {
    const strategy = presignedPut({
      async getUploadUrl(file) {
        const { json } = await requestJson({
          url: `${referenceUrl}/v1/accounts/${c.dinteroAccountId}/management/assets`,
          headers: { authorization: `Bearer ${c.dinteroToken}` },
          body: { size_bytes: file.size, mime_type: file.type },
        })
        const url = new URL((json as { upload_url: string }).upload_url)
        url.pathname += '-tampered'
        return { uploadUrl: url.href, response: json }
      },
    })
    const { failed } = await uploadAll(strategy, [await image('png')])
    expect(failed[0]?.error).toMatchObject({
      code: 'signature-mismatch',
      status: 403,
      serverCode: 'SignatureDoesNotMatch',
    })
  })

  it('retries a PUT after a 5xx with the same URL, so the API creates one asset', async () => {
    const before = await postCount()
    await addFault({
      match: { method: 'PUT', path: '/dintero/' },
      action: {
        kind: 'respond',
        status: 503,
        contentType: 'application/xml',
        body: '<Error><Code>SlowDown</Code></Error>',
      },
    })
    const spy = spyOnNetwork()
    try {
      const { assets, failed } = await uploadAll(preset(), [await image('png')])
      expect(failed).toEqual([])
      expect(assets).toHaveLength(1)
    } finally {
      spy.stop()
    }
    const puts = spy.requests.filter((request) => request.method === 'PUT')
    expect(puts).toHaveLength(2)
    expect(puts[0]?.url).toBe(puts[1]?.url)
    expect((await postCount()) - before).toBe(1)
  })

  it('reports a wrong token as `unauthorized` and a refused request as `rejected`, each with the server’s message', async () => {
    const unauthorized = await uploadAll(preset({ token: 'expired-token-value' }), [
      await image('png'),
    ])
    expect(unauthorized.failed[0]?.error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      serverMessage: 'Missing or invalid bearer token',
      serverCode: 'unauthorized',
    })
    expect(unauthorized.failed[0]?.error.message).not.toContain('expired-token-value')

    const badAccount = presignedPut({
      getUploadUrl: async (file) => {
        await requestJson({
          url: `${referenceUrl}/v1/accounts/X1/management/assets`,
          headers: { authorization: `Bearer ${c.dinteroToken}` },
          body: { size_bytes: file.size, mime_type: file.type },
        })
        throw new Error('unreachable')
      },
    })
    const rejected = await uploadAll(badAccount, [await image('png')])
    expect(rejected.failed[0]?.error).toMatchObject({
      code: 'rejected',
      status: 400,
      serverCode: 'validation_error',
    })
  })

  it('refuses, before any request, what the document does not accept', async () => {
    const before = (await requestsTo('dintero-assets')).length
    const big = pdfFile(uniqueName('big.pdf'), 2_000_001)
    const gif = await image('gif')
    const { added } = await uploadAll(preset(), [big, gif])
    expect(
      added.rejected.map((rejection) => [rejection.file.name, rejection.issues[0]?.code]),
    ).toEqual([
      [big.name, 'file-too-large'],
      [gif.name, 'file-type-not-allowed'],
    ])
    expect((await requestsTo('dintero-assets')).length).toBe(before)
  })
})

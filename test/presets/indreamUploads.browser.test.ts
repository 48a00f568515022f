import { describe, expect, it } from 'vitest'
import { indreamUploads } from '../../src/presets/indreamUploads'
import { rawBody } from '../../src/strategies/rawBody'
import { demoCredentials } from '../server/demo'
import {
  bytesOf,
  pdfFile,
  referenceUrl,
  requestsTo,
  storedBytes,
  uniqueName,
  uploadAll,
} from '../support'
import { image } from './fixtures'

const c = demoCredentials
const preset = (options: Partial<Parameters<typeof indreamUploads>[0]> = {}) =>
  indreamUploads({ apiKey: c.indreamApiKey, apiBase: referenceUrl, ...options })

describe('indreamUploads (document 002, raw body)', () => {
  it('uploads an image as the whole body and returns its record with its real size in pixels', async () => {
    const file = await image('webp')
    const { assets, added } = await uploadAll(preset(), [file])
    const asset = assets[0]
    expect(asset).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key: expect.stringMatching(/^uploads\/[0-9a-f-]{36}\.webp$/),
      name: file.name,
      mimeType: 'image/webp',
      size: file.size,
      url: `${referenceUrl}/v1/files/${asset?.key}`,
      previews: {},
      width: 40,
      height: 30,
      strategy: 'raw-body',
      fileId: added.added[0]?.id,
      response: {
        data: expect.objectContaining({ assetId: asset?.id, type: 'image', source: 'upload' }),
        meta: {},
      },
    })
    expect(await storedBytes(asset?.url ?? '')).toEqual(await bytesOf(file))
  })

  it('sends a non-ASCII name percent-encoded, and binds the asset to the project', async () => {
    const projectId = '9179b887-04ef-4ce5-ab3a-b5bbd39ea3c8'
    const name = uniqueName('Übersicht – März.pdf')
    const { assets } = await uploadAll(preset({ projectId }), [pdfFile(name, 3000)])
    expect(assets[0]).toMatchObject({ name, mimeType: 'application/pdf', size: 3000 })
    expect(assets[0]?.response).toMatchObject({
      data: { filename: name, width: null },
      meta: { projectId },
    })
  })

  it('reports 401 as `unauthorized` and the 403 problem object as `forbidden` with its code and detail', async () => {
    const unauthorized = await uploadAll(preset({ apiKey: 'not-a-key' }), [await image('png')])
    expect(unauthorized.failed[0]?.error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      serverCode: 'OPEN_API_KEY_INVALID',
    })

    const forbidden = await uploadAll(preset({ apiKey: c.indreamIneligibleApiKey }), [
      await image('png'),
    ])
    expect(forbidden.failed[0]?.error).toMatchObject({
      code: 'forbidden',
      status: 403,
      serverCode: 'OPEN_API_RUNTIME_ACCESS_FORBIDDEN',
      serverMessage: 'The current account is not eligible for this Open API route',
    })
  })

  it('reports a 400 problem object as `rejected`, after one request', async () => {
    const before = (await requestsTo('indream-uploads')).length
    const strategy = rawBody({
      endpoint: `${referenceUrl}/v1/uploads`,
      headers: { 'x-api-key': c.indreamApiKey, 'x-project-id': 'not-a-uuid' },
    })
    const { failed } = await uploadAll(strategy, [await image('png')])
    expect(failed[0]?.error).toMatchObject({
      code: 'rejected',
      status: 400,
      serverCode: 'INVALID_PROJECT_ID',
    })
    expect((await requestsTo('indream-uploads')).length - before).toBe(1)
  })

  it('refuses a name over 512 characters before any request', async () => {
    const { added } = await uploadAll(preset(), [pdfFile(`${'n'.repeat(509)}.pdf`, 100)])
    expect(added.rejected[0]?.issues.map((issue) => issue.code)).toEqual(['name-invalid'])
  })

  it('counts the name as x-file-name sends it: 104 characters of ü are 604 encoded, refused before any request', async () => {
    const before = (await requestsTo('indream-uploads')).length
    const long = `${'ü'.repeat(100)}.pdf`
    // 85 ü (510 encoded characters) and `.pd`: 513 sent, one over; 84 ü and `.pdf` fit (508).
    const justOver = `${'ü'.repeat(85)}.pd`
    const fits = uniqueName(`${'ü'.repeat(80)}.pdf`)
    const { added, assets } = await uploadAll(preset(), [
      pdfFile(long, 100),
      pdfFile(justOver, 100),
      pdfFile(fits, 100),
    ])
    expect(added.rejected.map(({ file, issues }) => [file.name, issues[0]?.params])).toEqual([
      [long, { problem: 'too-long' }],
      [justOver, { problem: 'too-long' }],
    ])
    expect(assets.map((asset) => asset.name)).toEqual([fits])
    expect((await requestsTo('indream-uploads')).length - before).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { demoCredentials } from '../server/demo'
import {
  bytesOf,
  pdfFile,
  referenceUrl,
  requestsLabelled,
  storedBytes,
  uniqueName,
  uploadAll,
} from '../support'
import { image } from './fixtures'

const preset = (options: Partial<Parameters<typeof partnerAssets>[0]> = {}) =>
  partnerAssets({ token: demoCredentials.partnerToken, apiBase: referenceUrl, ...options })

describe('partnerAssets (document 001, multipart form)', () => {
  it('uploads real files and returns the full record, whose bytes equal the files', async () => {
    const files = [await image('png'), pdfFile(uniqueName('terms.pdf'), 4096)]
    const { assets, added } = await uploadAll(preset(), files)
    for (const [index, asset] of assets.entries()) {
      const file = files[index] as File
      const isImage = file.type.startsWith('image/')
      expect(asset).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        key: expect.stringMatching(/^[0-9a-f-]{36}\.(png|pdf)$/),
        name: file.name,
        mimeType: file.type,
        size: file.size,
        url: `${referenceUrl}/api/v1/partner/asset/${asset.key}`,
        previews: isImage
          ? Object.fromEntries(
              ['thumb', 'medium', 'large', 'largeX2'].map((size) => [
                size,
                `${asset.url}?size=${size}`,
              ]),
            )
          : {},
        access: 'public',
        createdAt: expect.stringMatching(/^\d{4}-/),
        strategy: 'multipart-form',
        fileId: added.added[index]?.id,
        response: expect.objectContaining({
          id: asset.id,
          key: asset.key,
          secured: false,
          type: isImage ? 'IMAGE' : 'DOCUMENT',
        }),
      })
      expect(await storedBytes(asset.url ?? '')).toEqual(await bytesOf(file))
    }
  })

  it('uploads private files to the private endpoint', async () => {
    const file = await image('jpg')
    const { assets } = await uploadAll(preset({ access: 'private' }), [file])
    expect(assets[0]).toMatchObject({ access: 'private' })
    const auth = { authorization: `Bearer ${demoCredentials.partnerToken}` }
    expect(await storedBytes(assets[0]?.url ?? '', auth)).toEqual(await bytesOf(file))
  })

  it('asks a token function for a new token after a 401, once, and sends the file again with it', async () => {
    const png = await image('png')
    const asked: boolean[] = []
    let token = 'expired-token-value'
    const strategy = preset({
      token: ({ refresh }) => {
        asked.push(refresh)
        if (refresh) token = demoCredentials.partnerToken
        return token
      },
    })
    const { assets, failed } = await uploadAll(strategy, [png])
    expect(failed).toEqual([])
    expect(assets).toHaveLength(1)
    expect(asked).toEqual([false, true, false])
    expect(await requestsLabelled(png.name)).toHaveLength(2)
  })

  it('reports a 401 as `unauthorized` and a 422 as `rejected`, each after one request', async () => {
    const png = await image('png')
    // A fixed token can't be renewed, so a refused one is final.
    const unauthorized = await uploadAll(preset({ token: 'wrong-token-value' }), [png])
    expect(unauthorized.failed[0]?.error).toMatchObject({ code: 'unauthorized', status: 401 })
    expect(await requestsLabelled(png.name)).toHaveLength(1)

    // The server refuses an empty file (an app that lets them through hears why).
    const empty = new File([], uniqueName('empty.txt'), { type: 'text/plain' })
    const rejected = await uploadAll(preset({ allowEmptyFiles: true }), [empty])
    expect(rejected.failed[0]?.error).toMatchObject({
      code: 'rejected',
      status: 422,
      serverMessage: 'File is empty',
    })
    expect(await requestsLabelled(empty.name)).toHaveLength(1)
  })

  it('refuses an empty file in the browser by default, with no request', async () => {
    const empty = new File([], uniqueName('empty-default.txt'), { type: 'text/plain' })
    const { added } = await uploadAll(preset(), [empty])
    expect(
      added.rejected.flatMap((rejection) => rejection.issues.map((issue) => issue.code)),
    ).toEqual(['file-too-small'])
    expect(await requestsLabelled(empty.name)).toHaveLength(0)
  })

  it("sends the document's assetType field when the app gives one", async () => {
    const { assets } = await uploadAll(preset({ assetType: 'DOCUMENT' }), [
      pdfFile(uniqueName('typed.pdf'), 2048),
    ])
    expect(assets[0]?.response).toMatchObject({ type: 'DOCUMENT' })
  })
})

import { describe, expect, it } from 'vitest'
import { parseJson, type ServerResponse } from '../../src/core/http'
import { companyAssetRecord, multipartForm } from '../../src/strategies/multipartForm'

const file = { id: 'uppy-photo', name: 'photo.png', type: 'image/png', size: 2048 }
const ok = (body: unknown): ServerResponse => {
  const text = JSON.stringify(body)
  return {
    status: 200,
    text,
    json: parseJson(text),
    contentType: 'application/json',
    url: 'https://api.example.com/api/v1/partner/asset/upload/public',
  }
}

const companyAsset = {
  id: '6f1c',
  companyId: 'c1',
  created: 1_700_000_000_000,
  modified: 1_700_000_000_500,
  deleted: false,
  updated: false,
  name: 'Holiday photo',
  key: '6f1c.png',
  type: 'IMAGE',
  publicURL: 'https://cdn.example.com/6f1c.png',
  active: true,
  priority: 0,
  secured: false,
  thumbURL: 'https://cdn.example.com/6f1c.png?size=thumb',
  mediumURL: 'https://cdn.example.com/6f1c.png?size=medium',
  largeURL: 'https://cdn.example.com/6f1c.png?size=large',
  largeX2URL: 'https://cdn.example.com/6f1c.png?size=largeX2',
  origURL: 'https://cdn.example.com/orig/6f1c.png',
  platformFileUrl: 'https://platform.example.com/6f1c.png',
}

describe('companyAssetRecord', () => {
  it('maps every field of a public CompanyAsset', () => {
    expect(companyAssetRecord(ok(companyAsset), file)).toEqual({
      id: '6f1c',
      key: '6f1c.png',
      name: 'Holiday photo',
      mimeType: 'image/png',
      size: 2048,
      url: 'https://cdn.example.com/6f1c.png',
      previews: {
        thumb: 'https://cdn.example.com/6f1c.png?size=thumb',
        medium: 'https://cdn.example.com/6f1c.png?size=medium',
        large: 'https://cdn.example.com/6f1c.png?size=large',
        largeX2: 'https://cdn.example.com/6f1c.png?size=largeX2',
      },
      access: 'public',
      createdAt: '2023-11-14T22:13:20.000Z',
      strategy: 'multipart-form',
      fileId: 'uppy-photo',
      response: companyAsset,
    })
  })

  it('maps a private asset to its original URL and private access', () => {
    const record = companyAssetRecord(ok({ ...companyAsset, publicURL: null, secured: true }), file)
    expect(record).toMatchObject({
      url: 'https://cdn.example.com/orig/6f1c.png',
      access: 'private',
    })
  })

  it('drops a javascript: URL from the answer', () => {
    const record = companyAssetRecord(
      ok({
        ...companyAsset,
        publicURL: 'javascript:alert(document.cookie)',
        origURL: null,
        platformFileUrl: null,
      }),
      file,
    )
    expect(record.url).toBeUndefined()
  })

  it.each([['[]'], ['"ok"'], ['null'], ['{}'], ['{"name":"no id"}']])(
    'reports %s as an answer that names no asset (answer-unrecognized, not sent again)',
    (text) => {
      const response = { ...ok(null), text, json: parseJson(text) }
      expect(() => companyAssetRecord(response, file)).toThrow(
        expect.objectContaining({ code: 'answer-unrecognized' }),
      )
    },
  )
})

describe('multipartForm', () => {
  it('says which options it needs when the endpoint is missing', () => {
    expect(() => multipartForm({ endpoint: '' })).toThrow(/needs an `endpoint`/)
  })
})

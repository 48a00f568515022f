import { describe, expect, it } from 'vitest'
import { safeUrl, toAssetRecord } from '../../src/core/asset'

const file = { id: 'f1', name: 'photo.png', type: 'image/png', size: 1234 }

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
    'not a url',
  ])('drops %j', (value) => {
    expect(safeUrl(value)).toBeUndefined()
  })

  it('keeps http and https URLs', () => {
    expect(safeUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png')
    expect(safeUrl('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080/a')
  })

  it('resolves a relative URL against the base', () => {
    expect(safeUrl('/assets/a.png', 'https://api.example.com/upload')).toBe(
      'https://api.example.com/assets/a.png',
    )
  })

  it('leaves out a user name and password (a credential is never shown, linked or fetched)', () => {
    expect(safeUrl('https://user:pa55@cdn.example.com/a.png?v=1')).toBe(
      'https://cdn.example.com/a.png?v=1',
    )
    expect(safeUrl('//token@cdn.example.com/a.png', 'https://api.example.com/')).toBe(
      'https://cdn.example.com/a.png',
    )
  })

  it('drops a non-string', () => {
    expect(safeUrl({ href: 'https://x' })).toBeUndefined()
  })
})

describe('toAssetRecord', () => {
  it('falls back to the file for what the server did not say', () => {
    const record = toAssetRecord(
      { id: 'a1' },
      { strategy: 'multipart-form', file, response: { id: 'a1' } },
    )
    expect(record).toEqual({
      id: 'a1',
      name: 'photo.png',
      mimeType: 'image/png',
      size: 1234,
      previews: {},
      strategy: 'multipart-form',
      fileId: 'f1',
      response: { id: 'a1' },
    })
  })

  it('drops unsafe URLs from the URL and the previews', () => {
    const record = toAssetRecord(
      {
        id: 'a1',
        url: 'javascript:alert(1)',
        previews: { thumb: 'data:image/png;base64,AA', large: 'https://x/l' },
      },
      { strategy: 'multipart-form', file, response: null },
    )
    expect(record.url).toBeUndefined()
    expect(record.previews).toEqual({ large: 'https://x/l' })
  })

  it('uses the key as id when there is no id', () => {
    expect(
      toAssetRecord({ key: 'uploads/k.png' }, { strategy: 'image-only', file, response: null }).id,
    ).toBe('uploads/k.png')
  })

  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a control character', 'photo\u0007.png'],
    ['a slash', '../../etc/passwd'],
    ['nothing but spaces', '   '],
  ])('shows the file’s own name for a server name with %s', (_, name) => {
    const record = toAssetRecord(
      { id: 'a1', name },
      { strategy: 'multipart-form', file, response: null },
    )
    expect(record.name).toBe('photo.png')
  })

  it('refuses an answer with neither id nor key', () => {
    expect(() =>
      toAssetRecord({ url: 'https://x' }, { strategy: 'raw-body', file, response: null }),
    ).toThrow(TypeError)
  })

  it('turns epoch milliseconds into an ISO date', () => {
    const record = toAssetRecord(
      { id: 'a', createdAt: 1_700_000_000_000 },
      { strategy: 'raw-body', file, response: null },
    )
    expect(record.createdAt).toBe('2023-11-14T22:13:20.000Z')
  })

  it.each([
    ['Unix seconds', 1_700_000_000],
    ['Unix seconds as digits', '1700000000'],
    ['milliseconds as digits', '1700000000000'],
    ['an ISO string', '2023-11-14T22:13:20Z'],
  ])('reads %s as the same moment', (_, createdAt) => {
    const record = toAssetRecord(
      { id: 'a', createdAt },
      { strategy: 'raw-body', file, response: null },
    )
    expect(record.createdAt).toBe('2023-11-14T22:13:20.000Z')
  })
})

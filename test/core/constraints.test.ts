import { describe, expect, it } from 'vitest'
import { checkFile } from '../../src/core/constraints'

const file = (name: string, type: string, size = 10) => ({ id: name, name, type, size })
const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code)

describe('checkFile', () => {
  it('accepts a file within every limit', () => {
    expect(
      checkFile(file('a.png', 'image/png'), { maxFileSize: 10, allowedTypes: ['image/*'] }),
    ).toEqual([])
  })

  it('refuses a file over the size limit, saying the limit', () => {
    const [issue] = checkFile(file('a.png', 'image/png', 11), { maxFileSize: 10 })
    expect(issue).toMatchObject({ code: 'file-too-large', params: { maxSize: 10, size: 11 } })
    expect(issue?.message).toBe('The file is larger than 10 bytes')
  })

  it('matches types case-insensitively by MIME, wildcard or last extension', () => {
    expect(checkFile(file('A.PDF', ''), { allowedTypes: ['.pdf'] })).toEqual([])
    expect(checkFile(file('a.png', 'IMAGE/PNG'), { allowedTypes: ['image/png'] })).toEqual([])
    expect(codes(checkFile(file('a.pdf.exe', ''), { allowedTypes: ['.pdf'] }))).toEqual([
      'file-type-not-allowed',
    ])
  })

  it('treats an empty browser type as unknown, not as allowed', () => {
    expect(codes(checkFile(file('a', ''), { allowedTypes: ['image/*'] }))).toEqual([
      'file-type-not-allowed',
    ])
  })

  it('applies every constraint set, so the app can only tighten', () => {
    const strategy = { maxFileSize: 100 }
    const app = { maxFileSize: 1000 }
    expect(codes(checkFile(file('a.png', 'image/png', 500), strategy, app))).toEqual([
      'file-too-large',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { createUploader, type FileSource, multipartForm } from '../../../src/index'

const strategy = () => multipartForm({ endpoint: 'http://127.0.0.1:9/upload' })
const pdf = (name: string, size = 100) => {
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return new File([bytes], name, { type: 'application/pdf', lastModified: 1 })
}
const codes = (result: { rejected: readonly { issues: readonly { code: string }[] }[] }) =>
  result.rejected.map((rejection) => rejection.issues.map((issue) => issue.code).join(','))

describe('intake: adds judged in order', () => {
  it('holds maxFiles when two adds are in flight together', async () => {
    const uploader = createUploader({ strategy: strategy(), constraints: { maxFiles: 1 } })
    const [first, second] = await Promise.all([
      uploader.addFiles([pdf('a.pdf')]),
      uploader.addFiles([pdf('b.pdf')]),
    ])
    expect(first.added.map((file) => file.name)).toEqual(['a.pdf'])
    expect(codes(second)).toEqual(['too-many-files'])
    expect(uploader.getSnapshot().items.map((item) => item.status)).toEqual(['queued', 'rejected'])
  })

  it('holds maxTotalSize when two adds are in flight together', async () => {
    const uploader = createUploader({ strategy: strategy(), constraints: { maxTotalSize: 150 } })
    const results = await Promise.all([
      uploader.addFiles([pdf('a.pdf', 100)]),
      uploader.addFiles([pdf('b.pdf', 100)]),
    ])
    expect(results.map(codes)).toEqual([[], ['total-too-large']])
  })

  it('lists the same file added twice at once as a duplicate', async () => {
    const uploader = createUploader({ strategy: strategy() })
    const file = pdf('same.pdf')
    const results = await Promise.all([uploader.addFiles([file]), uploader.addFiles([file])])
    expect(results.map(codes)).toEqual([[], ['duplicate']])
  })

  it('lists every add as `validating` at once, in the order the adds came', async () => {
    const uploader = createUploader({ strategy: strategy() })
    const adds = [uploader.addFiles([pdf('a.pdf')]), uploader.addFiles([pdf('b.pdf')])]
    expect(uploader.getSnapshot().items.map((item) => [item.name, item.status])).toEqual([
      ['a.pdf', 'validating'],
      ['b.pdf', 'validating'],
    ])
    await Promise.all(adds)
    expect(uploader.getSnapshot().items.map((item) => item.status)).toEqual(['queued', 'queued'])
  })
})

describe('intake: one bad file is its own', () => {
  it('refuses a Blob without a name as `name-invalid`, and takes the others', async () => {
    const uploader = createUploader({ strategy: strategy() })
    const nameless = new Blob(['%PDF-1.7\n'], { type: 'application/pdf' }) as unknown as File
    const result = await uploader.addFiles([nameless, pdf('ok.pdf')])
    expect(result.added.map((file) => file.name)).toEqual(['ok.pdf'])
    expect(result.rejected).toMatchObject([
      { file: { name: '' }, issues: [{ code: 'name-invalid', params: { problem: 'empty' } }] },
    ])
    expect(uploader.getSnapshot().items.map((item) => item.status)).toEqual(['rejected', 'queued'])
  })

  it('refuses what is not a file at all, and takes the others', async () => {
    const uploader = createUploader({ strategy: strategy() })
    const junk = [{ file: 'not a blob' }, null] as unknown as FileSource[]
    const result = await uploader.addFiles([...junk, pdf('ok.pdf')])
    expect(result.added.map((file) => file.name)).toEqual(['ok.pdf'])
    expect(codes(result)).toEqual(['name-invalid', 'name-invalid'])
  })

  it('refuses the file an app rule throws on, as `custom`, and takes the others', async () => {
    const uploader = createUploader({
      strategy: strategy(),
      constraints: {
        rules: [
          (file) => {
            if (file.name === 'boom.pdf') throw new Error('the rule failed')
            return undefined
          },
        ],
      },
    })
    const result = await uploader.addFiles([pdf('boom.pdf'), pdf('ok.pdf')])
    expect(result.added.map((file) => file.name)).toEqual(['ok.pdf'])
    expect(codes(result)).toEqual(['custom'])
  })
})

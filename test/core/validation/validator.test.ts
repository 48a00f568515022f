import { describe, expect, it } from 'vitest'
import { effectiveType, type FileConstraints } from '../../../src/core/constraints'
import { createUploader } from '../../../src/core/uploader/createUploader'
import { type ValidationCandidate, validateFiles } from '../../../src/core/validation/validator'
import { multipartForm } from '../../../src/strategies/multipartForm'
import { fixture } from '../../fixtures/index.ts'

let count = 0
const candidate = (name: string, bytes: Uint8Array | string, type = ''): ValidationCandidate => ({
  id: `c${++count}`,
  file: new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, {
    type,
    lastModified: 1,
  }),
})
const none = { count: 0, bytes: 0, keys: new Set<string>() }
const codes = (outcome: Awaited<ReturnType<typeof validateFiles>>) =>
  Object.fromEntries(
    outcome.rejected.map(({ file, issues }) => [file.name, issues.map((issue) => issue.code)]),
  )

describe('validateFiles', () => {
  it('accepts real files of the claimed types', async () => {
    const outcome = await validateFiles(
      [
        candidate('a.png', fixture('photo.png'), 'image/png'),
        candidate('b.csv', 'x,y\n1,2\n', 'text/csv'),
      ],
      none,
      [{ allowedTypes: ['image/*', '.csv'] }],
    )
    expect(outcome.rejected).toEqual([])
    expect(outcome.accepted.map((file) => file.name)).toEqual(['a.png', 'b.csv'])
  })

  it('pins each refusal on its own file across many read batches, large files included', async () => {
    const png = fixture('photo.png')
    const files = Array.from({ length: 700 }, (_, index) => {
      // Every 97th file claims PNG but holds text; every 50th is larger than the bytes read.
      if (index % 97 === 3) return candidate(`fake-${index}.png`, 'not a picture', 'image/png')
      const padding = index % 50 === 0 ? new Uint8Array(9000) : new Uint8Array()
      return candidate(`photo-${index}.png`, new Uint8Array([...png, ...padding]), 'image/png')
    })
    const outcome = await validateFiles(files, none, [{ allowedTypes: ['image/png'] }])
    const fakes = files
      .filter(({ file }) => file.name.startsWith('fake-'))
      .map(({ file }) => file.name)
    expect(fakes.length).toBeGreaterThan(6)
    expect(Object.keys(codes(outcome))).toEqual(fakes)
    expect(Object.values(codes(outcome))).toEqual(fakes.map(() => ['content-mismatch']))
    expect(outcome.accepted).toHaveLength(700 - fakes.length)
  })

  it('skips reading the bytes of a file the cheap checks already refused', async () => {
    let read = false
    const file = new File(['x'.repeat(100)], 'big.png', { type: 'image/png' })
    const spy = Object.assign(file, {
      slice: () => {
        read = true
        return new Blob()
      },
    })
    const outcome = await validateFiles([{ id: 'x', file: spy }], none, [{ maxFileSize: 10 }])
    expect(codes(outcome)).toEqual({ 'big.png': ['file-too-large'] })
    expect(read).toBe(false)
  })

  it('takes a type the browser reports by another name as its usual one (image/jpg, a Windows .csv)', async () => {
    const outcome = await validateFiles(
      [
        candidate('a.jpg', fixture('photo.jpg'), 'image/jpg'),
        candidate('b.jpeg', fixture('photo.jpg'), 'image/pjpeg'),
        candidate('c.csv', 'x,y\n1,2\n', 'application/vnd.ms-excel'),
        candidate(
          'd.heif',
          new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypmif1mif1heic')]),
          'image/heif',
        ),
      ],
      none,
      [{ allowedTypes: ['image/jpeg', 'text/csv', 'image/heif'], checkContent: false }],
    )
    expect(codes(outcome)).toEqual({})
    expect(outcome.accepted.map((file) => effectiveType(file))).toEqual([
      'image/jpeg',
      'image/jpeg',
      'text/csv',
      'image/heif',
    ])
    // Phones report either HEIF type for either name: each is taken, and sent as its name says.
    const heif = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypmif1mif1heic')])
    const phones = await validateFiles(
      [candidate('e.heic', heif, 'image/heif'), candidate('f.heif', heif, 'image/heic')],
      none,
      [{ allowedTypes: ['image/*'] }],
    )
    expect(codes(phones)).toEqual({})
    expect(phones.accepted.map((file) => effectiveType(file))).toEqual(['image/heic', 'image/heif'])
    // An .xls is still an Excel 97–2003 workbook, as the browser said.
    expect(effectiveType({ name: 'e.xls', type: 'application/vnd.ms-excel' })).toBe(
      'application/vnd.ms-excel',
    )
  })

  it('keeps SVG out of image/* unless it is listed by name', async () => {
    const svg = () =>
      candidate('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml')
    expect(codes(await validateFiles([svg()], none, [{ allowedTypes: ['image/*'] }]))).toEqual({
      'logo.svg': ['file-type-not-allowed'],
    })
    expect(
      (await validateFiles([svg()], none, [{ allowedTypes: ['image/*', 'image/svg+xml'] }]))
        .rejected,
    ).toEqual([])
  })

  it('judges counts and totals last, in order, over the files that passed everything else', async () => {
    const files = [
      candidate('bad.png', 'not a png', 'image/png'),
      candidate('a.txt', 'a'.repeat(40), 'text/plain'),
      candidate('b.txt', 'b'.repeat(40), 'text/plain'),
      candidate('c.txt', 'c'.repeat(40), 'text/plain'),
    ]
    const outcome = await validateFiles(files, { count: 1, bytes: 0, keys: new Set() }, [
      { maxFiles: 3 },
    ])
    expect(outcome.accepted.map((file) => file.name)).toEqual(['a.txt', 'b.txt'])
    expect(codes(outcome)).toEqual({ 'bad.png': ['content-mismatch'], 'c.txt': ['too-many-files'] })

    const total = await validateFiles(files.slice(1), none, [{ maxTotalSize: 100 }])
    expect(codes(total)).toEqual({ 'c.txt': ['total-too-large'] })
  })

  it('applies every constraint set, the tightest limit winning', async () => {
    const sets: FileConstraints[] = [
      { maxFileSize: 100, allowedTypes: ['image/*'] },
      { maxFileSize: 10, allowedTypes: ['.png'] },
    ]
    const outcome = await validateFiles(
      [
        candidate('a.png', fixture('photo.png'), 'image/png'),
        candidate('b.gif', fixture('photo.gif'), 'image/gif'),
      ],
      none,
      sets,
    )
    expect(codes(outcome)).toEqual({
      'a.png': ['file-too-large'],
      'b.gif': ['file-type-not-allowed', 'file-too-large'],
    })
  })

  it('runs custom rules, sync and async, with the image size read from the header', async () => {
    const seen: unknown[] = []
    const outcome = await validateFiles(
      [candidate('a.png', fixture('photo.png'), 'image/png')],
      none,
      [
        {
          rules: [
            (file) => {
              seen.push(file.image)
              return undefined
            },
            async (file) =>
              file.image && file.image.width < 100
                ? { message: 'Too narrow for a banner', params: { need: 100 } }
                : null,
          ],
        },
      ],
    )
    expect(seen).toEqual([{ width: 40, height: 30 }])
    expect(outcome.rejected[0]?.issues).toEqual([
      {
        code: 'custom',
        message: 'Too narrow for a banner',
        params: { need: 100, message: 'Too narrow for a banner' },
      },
    ])
  })

  it('writes messages from a replaced locale table', async () => {
    const outcome = await validateFiles(
      [candidate('a.pdf', '%PDF-1.4', 'application/pdf')],
      none,
      [{ maxFileSize: 2 }],
      {
        'file-too-large': ({ maxSize }) => `Die Datei ist größer als ${maxSize} Bytes`,
      },
    )
    expect(outcome.rejected[0]?.issues[0]).toMatchObject({
      code: 'file-too-large',
      message: 'Die Datei ist größer als 2 Bytes',
    })
  })
})

describe('createUploader constraints', () => {
  it('throws at construction when the app loosens the strategy’s limits, naming them', () => {
    const strategy = multipartForm({
      endpoint: '/upload',
      constraints: { maxFileSize: 1000, minFileSize: 1 },
    })
    expect(() =>
      createUploader({ strategy, constraints: { maxFileSize: 5000, minFileSize: 0 } }),
    ).toThrow(/can only tighten .*maxFileSize 5000 > 1000, minFileSize 0 < 1/)
    expect(() => createUploader({ strategy, constraints: { maxFileSize: 500 } })).not.toThrow()
  })
})

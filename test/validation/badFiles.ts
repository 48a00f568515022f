/**
 * The catalogue of crafted files every strategy must refuse with zero bytes sent, each with the
 * code it must be refused with: one long table (over 300 lines), kept whole so a reader sees
 * every class of bad input in one place.
 */
import type { ValidationCode } from '../../src/core/errors'
import gifUrl from '../fixtures/photo.gif?url'
import jpgUrl from '../fixtures/photo.jpg?url'
import pngUrl from '../fixtures/photo.png?url'
import webpUrl from '../fixtures/photo.webp?url'
import { bytesWithHeader } from '../support'

/** The real 40×30 fixtures' bytes, loaded once. */
export async function loadFixtures() {
  const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer())
  const [png, jpg, gif, webp] = await Promise.all([pngUrl, jpgUrl, gifUrl, webpUrl].map(load))
  return { png, jpg, gif, webp } as Record<'png' | 'jpg' | 'gif' | 'webp', Uint8Array<ArrayBuffer>>
}

export type Fixtures = Awaited<ReturnType<typeof loadFixtures>>

/** A real PNG of the given size, encoded by the browser. */
export async function pngOfSize(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (context) context.fillRect(0, 0, width, height)
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
}

const text = (value: string) => new TextEncoder().encode(value)
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A stored (uncompressed) ZIP archive with the given entries. */
export function zip(entries: Record<string, string>): Uint8Array<ArrayBuffer> {
  const local: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = text(name)
    const data = text(content)
    const crc = crc32(data)
    const header = (signature: number, size: number) => {
      const view = new DataView(new ArrayBuffer(size))
      view.setUint32(0, signature, true)
      return view
    }
    const l = header(0x04034b50, 30)
    l.setUint16(4, 20, true)
    l.setUint32(14, crc, true)
    l.setUint32(18, data.length, true)
    l.setUint32(22, data.length, true)
    l.setUint16(26, nameBytes.length, true)
    local.push(new Uint8Array(l.buffer), nameBytes, data)
    const c = header(0x02014b50, 46)
    c.setUint16(4, 20, true)
    c.setUint16(6, 20, true)
    c.setUint32(16, crc, true)
    c.setUint32(20, data.length, true)
    c.setUint32(24, data.length, true)
    c.setUint16(28, nameBytes.length, true)
    c.setUint32(42, offset, true)
    central.push(new Uint8Array(c.buffer), nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = concat(...central)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, Object.keys(entries).length, true)
  end.setUint16(10, Object.keys(entries).length, true)
  end.setUint32(12, directory.length, true)
  end.setUint32(16, offset, true)
  return concat(...local, directory, new Uint8Array(end.buffer)) as Uint8Array<ArrayBuffer>
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A minimal Excel workbook: the parts whose names identify one. */
export const xlsxBytes = () =>
  zip({
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': '<worksheet/>',
  })

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const oleBytes = () =>
  Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])
const windowsProgram = () =>
  Uint8Array.from([
    0x4d,
    0x5a,
    0x90,
    0,
    3,
    0,
    0,
    0,
    4,
    0,
    0,
    0,
    0xff,
    0xff,
    0,
    0,
    ...new Array(48).fill(0),
  ])
const linuxProgram = () =>
  Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)])
const macProgram = () =>
  Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, ...new Array(56).fill(0)])
const pdf = (size = 2000) => bytesWithHeader('%PDF-1.7\n', size)

/** One bad file and the code it must be refused with. */
export interface BadFile {
  readonly file: File
  readonly code: ValidationCode
}

const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = '') =>
  new File([bytes], name, { type, lastModified: 1_700_000_000_000 })

/**
 * Bad files for the drop suite's constraints (see `dropConstraints`), one per way of being bad,
 * each with the code it must be refused with.
 */
export async function badFiles(f: Fixtures): Promise<BadFile[]> {
  const padded = (bytes: Uint8Array, size: number) =>
    concat(bytes, new Uint8Array(size - bytes.length)) as Uint8Array<ArrayBuffer>
  const bad = (
    code: ValidationCode,
    bytes: Uint8Array<ArrayBuffer>,
    name: string,
    type = '',
  ): BadFile => ({ file: file(bytes, name, type), code })
  return [
    // Size
    bad('file-too-large', padded(f.png, 200_001), 'big.png', 'image/png'),
    bad('file-too-large', pdf(300_000), 'big.pdf', 'application/pdf'),
    bad(
      'file-too-large',
      text('a,b\n'.repeat(60_000)) as Uint8Array<ArrayBuffer>,
      'big.csv',
      'text/csv',
    ),
    bad('file-too-small', new Uint8Array(0), 'empty.png', 'image/png'),
    bad('file-too-small', new Uint8Array(0), 'empty.csv', 'text/csv'),
    // Type, by name and MIME
    bad(
      'file-type-not-allowed',
      zip({ 'word/document.xml': '<w/>' }),
      'letter.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ),
    bad(
      'file-type-not-allowed',
      text('alert(1)') as Uint8Array<ArrayBuffer>,
      'script.js',
      'text/javascript',
    ),
    bad(
      'file-type-not-allowed',
      text('<html></html>') as Uint8Array<ArrayBuffer>,
      'page.html',
      'text/html',
    ),
    bad('file-type-not-allowed', zip({ 'a.txt': 'a' }), 'archive.zip', 'application/zip'),
    bad('file-type-not-allowed', windowsProgram(), 'setup.exe', 'application/x-msdownload'),
    bad('file-type-not-allowed', pdf(), 'no-extension', ''),
    bad('file-type-not-allowed', text('BM') as Uint8Array<ArrayBuffer>, 'photo.bmp', 'image/bmp'),
    bad(
      'file-type-not-allowed',
      text('<svg xmlns="http://www.w3.org/2000/svg"/>') as Uint8Array<ArrayBuffer>,
      'logo.svg',
      'image/svg+xml',
    ),
    bad(
      'file-type-not-allowed',
      text('{}') as Uint8Array<ArrayBuffer>,
      'data.json',
      'application/json',
    ),
    bad('file-type-not-allowed', windowsProgram(), 'report.pdf.exe', ''),
    bad('file-type-not-allowed', new Uint8Array(10), 'song.mp3', 'audio/mpeg'),
    bad('file-type-not-allowed', new Uint8Array(10), 'clip.mp4', 'video/mp4'),
    bad('file-type-not-allowed', new Uint8Array(10), 'scan.tiff', 'image/tiff'),
    // Content that contradicts the name or type
    bad('content-mismatch', f.png, 'report.pdf', 'application/pdf'),
    bad(
      'content-mismatch',
      text('<!doctype html><script>alert(1)</script>') as Uint8Array<ArrayBuffer>,
      'holiday.jpg',
      'image/jpeg',
    ),
    bad('content-mismatch', windowsProgram(), 'icon.png', 'image/png'),
    bad('content-mismatch', linuxProgram(), 'anim.gif', 'image/gif'),
    bad(
      'content-mismatch',
      text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ) as Uint8Array<ArrayBuffer>,
      'logo.png',
      'image/png',
    ),
    bad('content-mismatch', pdf(), 'scan.png', 'image/png'),
    bad('content-mismatch', f.jpg, 'photo-renamed.png', 'image/png'),
    bad('content-mismatch', f.gif, 'anim.webp', 'image/webp'),
    bad(
      'content-mismatch',
      text('just some notes') as Uint8Array<ArrayBuffer>,
      'notes.pdf',
      'application/pdf',
    ),
    bad('content-mismatch', zip({ 'a.txt': 'a' }), 'sheet.xlsx', xlsxType),
    bad('content-mismatch', pdf(), 'sheet2.xlsx', xlsxType),
    bad(
      'content-mismatch',
      text('<html><body>table</body></html>') as Uint8Array<ArrayBuffer>,
      'data.csv',
      'text/csv',
    ),
    bad(
      'content-mismatch',
      text('a,b\n1,<script>steal()</script>\n') as Uint8Array<ArrayBuffer>,
      'data2.csv',
      'text/csv',
    ),
    bad('content-mismatch', macProgram(), 'portrait.jpg', 'image/jpeg'),
    bad(
      'content-mismatch',
      text('#!/bin/sh\nrm -rf ~\n') as Uint8Array<ArrayBuffer>,
      'run.csv',
      'text/csv',
    ),
    bad('content-mismatch', Uint8Array.from([1, 2, 0, 4, 0, 6, 7, 0]), 'binary.csv', 'text/csv'),
    bad('content-mismatch', f.png, 'legacy.xls', 'application/vnd.ms-excel'),
    bad('content-mismatch', f.png, 'mislabelled.png', 'image/jpeg'),
    bad('content-mismatch', f.png.slice(0, 8), 'truncated.png', 'image/png'),
    bad(
      'content-mismatch',
      concat(text('RIFF'), new Uint8Array(4), text('WEBPjunk')) as Uint8Array<ArrayBuffer>,
      'broken.webp',
      'image/webp',
    ),
    bad('content-mismatch', f.png, 'no-type.jpg', ''),
    bad('content-mismatch', oleBytes(), 'workbook.xlsx', xlsxType),
    bad('content-mismatch', xlsxBytes(), 'workbook.xls', 'application/vnd.ms-excel'),
    // Image dimensions
    bad('image-too-small', await pngOfSize(8, 8), 'icon-8.png', 'image/png'),
    bad('image-too-small', await pngOfSize(10, 30), 'narrow.png', 'image/png'),
    bad('image-too-large', await pngOfSize(5000, 20), 'wide.png', 'image/png'),
    bad('image-too-large', await pngOfSize(20, 4500), 'tall.png', 'image/png'),
    bad('image-too-large', await pngOfSize(2100, 2100), 'huge.png', 'image/png'),
    // Names
    bad('name-invalid', pdf(), 'bell\u0007.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), 'tab\tname.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), 'invoice\u202Efdp.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), 'isolate\u2066x.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), 'mark\u200Fx.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), 'dir\\file.pdf', 'application/pdf'),
    bad('name-invalid', pdf(), `${'n'.repeat(97)}.pdf`, 'application/pdf'),
    bad('name-invalid', pdf(), 'del\u007f.pdf', 'application/pdf'),
    // Custom rules
    bad('custom', pdf(), 'DRAFT-plan.pdf', 'application/pdf'),
    bad('custom', pdf(12_345), 'unlucky.pdf', 'application/pdf'),
  ]
}

/** The constraints of the drop suite. */
export const dropConstraints = {
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/csv',
    '.csv',
    '.xlsx',
    '.xls',
    '.jpg',
    '.png',
  ],
  maxFileSize: 200_000,
  minFileSize: 1,
  maxNameLength: 100,
  image: { minWidth: 16, minHeight: 16, maxWidth: 4000, maxHeight: 4000, maxPixels: 4_000_000 },
  rules: [
    (candidate: { name: string }) =>
      candidate.name.includes('DRAFT') ? 'Drafts cannot be uploaded' : undefined,
    async (candidate: { size: number }) =>
      candidate.size === 12_345 ? { message: 'Unlucky size' } : undefined,
  ],
}

/** Valid files of every format the documents accept, each with a unique name. */
export function goodFiles(f: Fixtures, tag: string): File[] {
  return [
    file(f.png, `ok-${tag}.png`, 'image/png'),
    file(f.jpg, `ok-${tag}.jpg`, 'image/jpeg'),
    file(f.gif, `ok-${tag}.gif`, 'image/gif'),
    file(f.webp, `ok-${tag}.webp`, 'image/webp'),
    file(pdf(), `ok-${tag}.pdf`, 'application/pdf'),
    file(text('name,amount\nÅse,12.50\n') as Uint8Array<ArrayBuffer>, `ok-${tag}.csv`, 'text/csv'),
    file(
      text('a;b\n') as Uint8Array<ArrayBuffer>,
      `ok-windows-${tag}.csv`,
      'application/vnd.ms-excel',
    ),
    file(xlsxBytes(), `ok-${tag}.xlsx`, xlsxType),
    file(oleBytes(), `ok-${tag}.xls`, 'application/vnd.ms-excel'),
    file(f.jpg, `ok-no-type-${tag}.jpg`, ''),
  ]
}

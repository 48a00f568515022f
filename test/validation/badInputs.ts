/**
 * Every kind of bad input the validator refuses, each with the code it must be refused with and
 * the constraints it is judged under. `npm run bad-inputs` prints it; the Chromium suite
 * `badInputs.browser.test.ts` checks every row. Pure data and byte builders: no DOM.
 */
import type { FileConstraints } from '../../src/core/constraints'
import type { ValidationCode } from '../../src/core/errors'
import {
  appSegment,
  concat,
  exifSegment,
  gif,
  heif,
  ihdr,
  jpeg,
  png,
  pngChunk,
  svg,
  tiff,
} from './crafted'

/** The constraint sets the rows are judged under. */
export const profiles = {
  /** Anything, by wildcard: only the content check and names stand in the way. */
  open: { allowedTypes: ['*/*'], minFileSize: 1, maxNameLength: 100 },
  /** The documents the five APIs take, by MIME type and extension. */
  documents: {
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
    rules: [
      (file: { name: string }) =>
        file.name.includes('DRAFT') ? 'Drafts cannot be uploaded' : undefined,
      async (file: { size: number }) =>
        file.size === 12_345 ? { message: 'Unlucky size' } : undefined,
    ],
  },
  /** Images by wildcard, with size rules. */
  images: {
    allowedTypes: ['image/*'],
    minFileSize: 1,
    image: { minWidth: 16, minHeight: 16, maxWidth: 4000, maxHeight: 4000, maxPixels: 4_000_000 },
  },
  /** Every image format, SVG named, with size rules. */
  everyImage: {
    allowedTypes: ['image/*', 'image/svg+xml', '.svg'],
    image: { minWidth: 16, minHeight: 16, maxWidth: 4000, maxHeight: 4000, maxPixels: 4_000_000 },
  },
  /** Landscape only, as a banner slot takes: wide photos fit, portrait ones do not. */
  landscape: {
    allowedTypes: ['image/jpeg', 'image/tiff', 'image/heic'],
    image: { maxWidth: 4100, maxHeight: 3100 },
  },
  /** Application and text types by wildcard. */
  applications: { allowedTypes: ['application/*', 'text/*'] },
} satisfies Record<string, FileConstraints>

export type Profile = keyof typeof profiles

/** One kind of bad input: what it is, the file, and the code it must be refused with. */
export interface BadInput {
  /** What makes it bad, in a few words. */
  readonly kind: string
  /** The group it belongs to, for the printed table. */
  readonly group: string
  readonly profile: Profile
  readonly code: ValidationCode
  readonly name: string
  readonly type: string
  readonly bytes: () => Uint8Array<ArrayBuffer>
}

const text = (value: string) => new TextEncoder().encode(value) as Uint8Array<ArrayBuffer>
/** Text in UTF-16 behind its byte order mark, as a browser decodes it when it sees the mark. */
const utf16 = (value: string, littleEndian = true) => {
  const view = new DataView(new ArrayBuffer(2 + value.length * 2))
  view.setUint16(0, 0xfeff, littleEndian)
  for (let i = 0; i < value.length; i++)
    view.setUint16(2 + i * 2, value.charCodeAt(i), littleEndian)
  return new Uint8Array(view.buffer)
}
const pdf = (size = 2000) => {
  const bytes = new Uint8Array(size).fill(0x20)
  bytes.set(text('%PDF-1.7\n'))
  return bytes
}
const zipHead = (entry: string) =>
  concat([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0], new Uint8Array(16), text(entry))
const ole = () => concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504))
const programs: Record<string, () => Uint8Array<ArrayBuffer>> = {
  'a Windows program (MZ)': () => concat([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4], new Uint8Array(55)),
  'a Linux program (ELF)': () => concat([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Uint8Array(56)),
  'a macOS program (Mach-O 64)': () =>
    concat([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1], new Uint8Array(56)),
  'a macOS program (Mach-O 32, big-endian)': () =>
    concat([0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 7], new Uint8Array(56)),
  // Universal binaries, as most macOS apps ship (Intel and Apple silicon in one file).
  'a macOS universal program (fat Mach-O)': () =>
    concat([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2, 1, 0, 0, 7], new Uint8Array(52)),
  'a macOS universal program (fat Mach-O 64)': () =>
    concat([0xca, 0xfe, 0xba, 0xbf, 0, 0, 0, 2, 1, 0, 0, 12], new Uint8Array(52)),
}

/** The tags browsers sniff as HTML at a file's start (WHATWG MIME Sniffing), and others that run script. */
/** The opening tag of `markup`, for a row's kind. */
const opening = (markup: string) => /^<[^>]*>/.exec(markup)?.[0] ?? markup

const htmlStarts = [
  '<!DOCTYPE HTML>',
  '<html>',
  '<HEAD>',
  '<script>alert(1)</script>',
  '<iframe src=x>',
  '<h1>Title</h1>',
  '<div>x</div>',
  '<font color=red>',
  '<TABLE>',
  '<a href=x>link</a>',
  '<style>*{}</style>',
  '<title>t</title>',
  '<b>bold</b>',
  '<body>',
  '<br>',
  '<p>para</p>',
  '<!-- comment -->',
]
const htmlInside = [
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="x">',
  '<object data=x>',
  '<embed src=x>',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<math><mtext></mtext></math>',
  '<frameset onload=alert(1)>',
  '<base href="//evil.test/">',
  '<marquee onstart=alert(1)>',
  '<x onclick=alert(1)>',
]

function rows(): BadInput[] {
  const list: BadInput[] = []
  const add = (
    group: string,
    kind: string,
    profile: Profile,
    code: ValidationCode,
    name: string,
    type: string,
    bytes: () => Uint8Array<ArrayBuffer>,
  ) => list.push({ group, kind, profile, code, name, type, bytes })

  // HTML that a browser would render, under text names: the WHATWG starts, in either case,
  // after white space of any length, and script-running markup further in.
  htmlStarts.forEach((tag, i) => {
    add(
      'HTML',
      `starts with ${opening(tag)}`,
      'open',
      'content-mismatch',
      `notes-${i}.txt`,
      'text/plain',
      () => text(tag),
    )
    add(
      'HTML',
      `${opening(tag).toUpperCase()} after 3000 bytes of white space`,
      'open',
      'content-mismatch',
      `spaced-${i}.txt`,
      'text/plain',
      () => text(`${' \t\r\n\f'.repeat(600)}${tag.toUpperCase()}`),
    )
  })
  htmlInside.forEach((markup, i) => {
    add(
      'HTML',
      `${opening(markup)} inside text`,
      'open',
      'content-mismatch',
      `inside-${i}.txt`,
      'text/plain',
      () => text(`Meeting notes\nline two ${markup}\n`),
    )
  })
  add(
    'HTML',
    'HTML after a UTF-8 byte order mark',
    'open',
    'content-mismatch',
    'bom.txt',
    'text/plain',
    () => text('\uFEFF<html><script>1</script>'),
  )
  // A byte order mark makes a browser decode UTF-16: the same markup, two bytes a character.
  add(
    'HTML',
    'HTML in UTF-16 (little-endian, after its byte order mark)',
    'open',
    'content-mismatch',
    'wide.txt',
    'text/plain',
    () => utf16('<html><script>alert(1)</script>'),
  )
  add(
    'HTML',
    'HTML as a CSV cell in UTF-16 (big-endian)',
    'documents',
    'content-mismatch',
    'wide.csv',
    'text/csv',
    () => utf16('a,b\n1,<img src=x onerror=alert(1)>\n', false),
  )
  add('HTML', 'HTML as a CSV cell', 'documents', 'content-mismatch', 'cells.csv', 'text/csv', () =>
    text('a,b\n1,<img src=x onerror=alert(1)>\n'),
  )
  add('HTML', 'HTML named .csv', 'documents', 'content-mismatch', 'table.csv', 'text/csv', () =>
    text('<table><tr><td>1</td></tr></table>'),
  )
  add(
    'HTML',
    'HTML in a JSON string',
    'open',
    'content-mismatch',
    'data.json',
    'application/json',
    () => text('{"x":"<script>alert(1)</script>"}'),
  )
  add('HTML', 'HTML named .md', 'open', 'content-mismatch', 'readme.md', 'text/markdown', () =>
    text('<p align="center"><img src=x onerror=alert(1)></p>'),
  )
  add('HTML', 'HTML named .jpg', 'documents', 'content-mismatch', 'holiday.jpg', 'image/jpeg', () =>
    text('<!doctype html><script>alert(1)</script>'),
  )
  add(
    'HTML',
    'HTML with no name or type it claims',
    'open',
    'content-mismatch',
    'page',
    'application/octet-stream',
    () => text('<div onclick=alert(1)>x</div>'),
  )

  // XML that runs script: SVG under other types and names, XHTML.
  const scriptSvg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
  add(
    'SVG and XML',
    'SVG under image/svg (not image/svg+xml)',
    'images',
    'file-type-not-allowed',
    'logo.svg',
    'image/svg',
    () => text(scriptSvg),
  )
  add(
    'SVG and XML',
    'SVG under image/svg-xml, no extension',
    'images',
    'file-type-not-allowed',
    'logo',
    'image/svg-xml',
    () => text(scriptSvg),
  )
  add(
    'SVG and XML',
    'SVG named .svg, typed image/png',
    'images',
    'file-type-not-allowed',
    'logo2.svg',
    'image/png',
    () => text(scriptSvg),
  )
  add(
    'SVG and XML',
    'SVG named .SVG, upper-case',
    'images',
    'file-type-not-allowed',
    'LOGO.SVG',
    'image/svg+xml',
    () => text(scriptSvg),
  )
  add('SVG and XML', 'SVG named .png', 'images', 'content-mismatch', 'logo.png', 'image/png', () =>
    text(scriptSvg),
  )
  add(
    'SVG and XML',
    'SVG with script named .xml',
    'open',
    'content-mismatch',
    'drawing.xml',
    'application/xml',
    () => text(`<?xml version="1.0"?>\n${scriptSvg}`),
  )
  add(
    'SVG and XML',
    'SVG with script named .xml, under application/*',
    'applications',
    'content-mismatch',
    'drawing2.xml',
    'application/xml',
    () => text(scriptSvg),
  )
  add(
    'SVG and XML',
    'SVG behind a DOCTYPE, named .xml',
    'open',
    'content-mismatch',
    'doc.xml',
    'text/xml',
    () =>
      text(
        `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg xmlns="http://www.w3.org/2000/svg"/>`,
      ),
  )
  add(
    'SVG and XML',
    'SVG nested in other XML',
    'applications',
    'content-mismatch',
    'nested.xml',
    'application/xml',
    () =>
      text('<?xml version="1.0"?><root><svg:svg xmlns:svg="http://www.w3.org/2000/svg"/></root>'),
  )
  add(
    'SVG and XML',
    'XHTML named .xml',
    'open',
    'content-mismatch',
    'page.xml',
    'application/xml',
    () =>
      text(
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
      ),
  )
  add(
    'SVG and XML',
    'XHTML named .xml, under application/*',
    'applications',
    'content-mismatch',
    'page2.xml',
    'application/xml',
    () => text('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"/>'),
  )
  add(
    'SVG and XML',
    'XHTML named .xhtml',
    'open',
    'content-mismatch',
    'page.xhtml',
    'application/xhtml+xml',
    () => text('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'),
  )
  add(
    'SVG and XML',
    'an XHTML script element in other XML',
    'applications',
    'content-mismatch',
    'feed.xml',
    'application/xml',
    () =>
      text(
        '<?xml version="1.0"?><feed><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></feed>',
      ),
  )
  add(
    'SVG and XML',
    'an XHTML script in UTF-16 XML named .xml',
    'applications',
    'content-mismatch',
    'wide.xml',
    'application/xml',
    () =>
      utf16(
        '<?xml version="1.0" encoding="UTF-16"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
      ),
  )
  // XML needs no declaration: a browser renders a `.xml` as XML whatever it starts with.
  add(
    'SVG and XML',
    'an XHTML script element in XML without a declaration',
    'applications',
    'content-mismatch',
    'bare-feed.xml',
    'application/xml',
    () => text('<feed><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></feed>'),
  )
  add(
    'SVG and XML',
    'prefixed XHTML without a declaration',
    'applications',
    'content-mismatch',
    'bare-page.xml',
    'application/xml',
    () => text('<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>hi</h:body></h:html>'),
  )
  add(
    'SVG and XML',
    'SVG by namespace in XML without a declaration',
    'applications',
    'content-mismatch',
    'bare-nested.xml',
    'application/xml',
    () => text('<root><s:svg xmlns:s="http://www.w3.org/2000/svg"/></root>'),
  )
  // XSLT: the browser renders what the transform makes of the XML, scripts included.
  add(
    'SVG and XML',
    'an XSLT stylesheet instruction',
    'applications',
    'content-mismatch',
    'styled.xml',
    'application/xml',
    () => text('<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="#t"?><doc/>'),
  )
  add(
    'SVG and XML',
    'an XSLT transform',
    'applications',
    'content-mismatch',
    'transform.xml',
    'application/xml',
    () =>
      text(
        '<?xml version="1.0"?><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:element name="script">alert(1)</xsl:element></xsl:template></xsl:stylesheet>',
      ),
  )
  add(
    'SVG and XML',
    'SVG in UTF-16 named .txt',
    'open',
    'content-mismatch',
    'wide-svg.txt',
    'text/plain',
    () => utf16('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', false),
  )
  add('SVG and XML', 'SVG named .txt', 'open', 'content-mismatch', 'vector.txt', 'text/plain', () =>
    text(scriptSvg),
  )

  // Image headers that lie, or hide their size.
  add(
    'PNG',
    'a decoy chunk before IHDR',
    'images',
    'content-mismatch',
    'decoy.png',
    'image/png',
    () => png(pngChunk('tEXt', text('Comment\0small')), ihdr(100_000, 100_000)),
  )
  add(
    'PNG',
    'a PNG signature followed by HTML',
    'images',
    'content-mismatch',
    'polyglot.png',
    'image/png',
    () =>
      concat(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        text('<html><script>alert(1)</script>'),
      ),
  )
  add(
    'PNG',
    'a header claiming 100000×100000',
    'images',
    'image-too-large',
    'bomb.png',
    'image/png',
    () => png(ihdr(100_000, 100_000)),
  )
  add('PNG', 'a header claiming 0×0', 'images', 'content-mismatch', 'zero.png', 'image/png', () =>
    png(ihdr(0, 0)),
  )
  add('PNG', 'a header claiming 8×8', 'images', 'image-too-small', 'tiny.png', 'image/png', () =>
    png(ihdr(8, 8)),
  )
  add(
    'PNG',
    'a header claiming 5000×10',
    'images',
    'image-too-large',
    'strip.png',
    'image/png',
    () => png(ihdr(5000, 100)),
  )
  add('PNG', 'a signature alone', 'images', 'content-mismatch', 'cut.png', 'image/png', () =>
    concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  )
  add(
    'GIF',
    'a huge frame in a small screen',
    'images',
    'image-too-large',
    'frame.gif',
    'image/gif',
    () => gif([20, 20], [[0, 0, 30_000, 30_000]]),
  )
  add(
    'GIF',
    'a huge second frame after 300 KiB of the first',
    'images',
    'image-too-large',
    'second.gif',
    'image/gif',
    () =>
      gif(
        [20, 20],
        [
          [0, 0, 20, 20],
          [0, 0, 9000, 9000],
        ],
        300_000,
      ),
  )
  add(
    'GIF',
    'a frame placed far outside the screen',
    'images',
    'image-too-large',
    'offset.gif',
    'image/gif',
    () => gif([20, 20], [[60_000, 0, 20, 20]]),
  )
  add('GIF', 'a screen of 8×8', 'images', 'image-too-small', 'tiny.gif', 'image/gif', () =>
    gif([8, 8], [[0, 0, 8, 8]]),
  )
  add(
    'GIF',
    'a header cut after the signature',
    'images',
    'content-mismatch',
    'cut.gif',
    'image/gif',
    () => text('GIF89a'),
  )
  add(
    'JPEG',
    'a portrait photo (EXIF orientation 6) where only landscape fits',
    'landscape',
    'image-too-large',
    'portrait.jpg',
    'image/jpeg',
    () => jpeg(4032, 3024, [exifSegment(6)]),
  )
  add(
    'JPEG',
    'a portrait photo, big-endian EXIF orientation 5',
    'landscape',
    'image-too-large',
    'portrait-mm.jpg',
    'image/jpeg',
    () => jpeg(4032, 3024, [exifSegment(5, false)]),
  )
  add(
    'JPEG',
    'a frame claiming 8×8 after 1.5 MiB of metadata',
    'images',
    'image-too-small',
    'deep.jpg',
    'image/jpeg',
    () =>
      jpeg(
        8,
        8,
        Array.from({ length: 24 }, () => appSegment(2, 65_533)),
      ),
  )
  add(
    'JPEG',
    'a frame claiming 60000×60000',
    'images',
    'image-too-large',
    'bomb.jpg',
    'image/jpeg',
    () => jpeg(60_000, 60_000),
  )
  add(
    'JPEG',
    'markers that end before a frame',
    'images',
    'content-mismatch',
    'noframe.jpg',
    'image/jpeg',
    () => concat([0xff, 0xd8], appSegment(0, 14), [0xff, 0xd9]),
  )
  add('JPEG', 'a start marker alone', 'images', 'content-mismatch', 'cut.jpg', 'image/jpeg', () =>
    concat([0xff, 0xd8, 0xff]),
  )
  add('TIFF', 'a TIFF of 10×10', 'everyImage', 'image-too-small', 'small.tiff', 'image/tiff', () =>
    tiff(10, 10),
  )
  add(
    'TIFF',
    'a TIFF of 5000×5000, directory at its end',
    'everyImage',
    'image-too-large',
    'big.tiff',
    'image/tiff',
    () => tiff(5000, 5000, 1, 300_000),
  )
  add(
    'TIFF',
    'a TIFF whose directory lies past its end',
    'everyImage',
    'image-size-unknown',
    'lost.tiff',
    'image/tiff',
    () => concat(text('II'), [42, 0, 0, 0, 1, 0], new Uint8Array(64)),
  )
  add(
    'TIFF',
    'a landscape-stored TIFF turned upright (orientation 8) where only landscape fits',
    'landscape',
    'image-too-large',
    'turned.tiff',
    'image/tiff',
    () => tiff(3200, 3000, 8),
  )
  add('AVIF', 'an AVIF of 10×10', 'everyImage', 'image-too-small', 'small.avif', 'image/avif', () =>
    heif(['avif', 'mif1'], [[10, 10]]),
  )
  add(
    'AVIF',
    'an AVIF of 5000×3000',
    'everyImage',
    'image-too-large',
    'big.avif',
    'image/avif',
    () => heif(['avif'], [[5000, 3000]]),
  )
  add(
    'AVIF',
    'an AVIF without item extents',
    'everyImage',
    'image-size-unknown',
    'blind.avif',
    'image/avif',
    () => heif(['avif'], []),
  )
  add(
    'HEIC',
    'a HEIC of 8064×6048 in tiles',
    'everyImage',
    'image-too-large',
    'big.heic',
    'image/heic',
    () =>
      heif(
        ['heic', 'mif1'],
        [
          [8064, 6048],
          [512, 512],
        ],
      ),
  )
  add(
    'HEIC',
    'a HEIC turned upright (irot) where only landscape fits',
    'landscape',
    'image-too-large',
    'tall.heic',
    'image/heic',
    () => heif(['heic'], [[4032, 3024]], 1),
  )
  add(
    'HEIC',
    'a HEIF (mif1) of 12×12',
    'everyImage',
    'image-too-small',
    'small.heif',
    'image/heif',
    () => heif(['mif1'], [[12, 12]]),
  )
  add(
    'SVG size',
    'an SVG of 10×10',
    'everyImage',
    'image-too-small',
    'small.svg',
    'image/svg+xml',
    () => svg('width="10" height="10"'),
  )
  add(
    'SVG size',
    'an SVG whose viewBox is 99999 wide',
    'everyImage',
    'image-too-large',
    'wide.svg',
    'image/svg+xml',
    () => svg('viewBox="0 0 99999 100"'),
  )
  add(
    'SVG size',
    'an SVG that only scales (100%)',
    'everyImage',
    'image-size-unknown',
    'fluid.svg',
    'image/svg+xml',
    () => svg('width="100%" height="100%"'),
  )
  add(
    'SVG size',
    'an SVG sized in em, no viewBox',
    'everyImage',
    'image-size-unknown',
    'em.svg',
    'image/svg+xml',
    () => svg('width="10em" height="5em"'),
  )

  // Programs and scripts under every name the documents take.
  for (const [what, bytes] of Object.entries(programs)) {
    for (const [name, type] of [
      ['icon.png', 'image/png'],
      ['report.pdf', 'application/pdf'],
      ['data.csv', 'text/csv'],
    ] as const) {
      add('Programs', `${what} named ${name}`, 'documents', 'content-mismatch', name, type, bytes)
    }
    add(
      'Programs',
      `${what} with no extension`,
      'open',
      'content-mismatch',
      'tool',
      'application/octet-stream',
      bytes,
    )
  }
  add(
    'Programs',
    'a shell script named .csv',
    'documents',
    'content-mismatch',
    'run.csv',
    'text/csv',
    () => text('#!/bin/sh\nrm -rf ~\n'),
  )
  add(
    'Programs',
    'a shell script named .txt',
    'open',
    'content-mismatch',
    'run.txt',
    'text/plain',
    () => text('#!/usr/bin/env node\nprocess.exit()\n'),
  )
  add(
    'Programs',
    'a Windows program named .exe',
    'documents',
    'file-type-not-allowed',
    'setup.exe',
    'application/x-msdownload',
    programs['a Windows program (MZ)'] ?? pdf,
  )
  add(
    'Programs',
    'a program named report.pdf.exe',
    'documents',
    'file-type-not-allowed',
    'report.pdf.exe',
    '',
    programs['a Windows program (MZ)'] ?? pdf,
  )

  // Content that contradicts the name or type.
  add(
    'Content',
    'a PNG named .pdf',
    'documents',
    'content-mismatch',
    'png.pdf',
    'application/pdf',
    () => png(ihdr(40, 30)),
  )
  add('Content', 'a PDF named .png', 'documents', 'content-mismatch', 'pdf.png', 'image/png', () =>
    pdf(),
  )
  add('Content', 'a JPEG named .png', 'documents', 'content-mismatch', 'jpg.png', 'image/png', () =>
    jpeg(40, 30),
  )
  add(
    'Content',
    'a GIF named .webp',
    'documents',
    'content-mismatch',
    'gif.webp',
    'image/webp',
    () => gif([40, 30], [[0, 0, 40, 30]]),
  )
  add(
    'Content',
    'text named .pdf',
    'documents',
    'content-mismatch',
    'notes.pdf',
    'application/pdf',
    () => text('just some notes'),
  )
  add(
    'Content',
    'a plain ZIP named .xlsx',
    'documents',
    'content-mismatch',
    'sheet.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    () => zipHead('a.txt'),
  )
  add(
    'Content',
    'a PDF named .xlsx',
    'documents',
    'content-mismatch',
    'pdf.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    () => pdf(),
  )
  add(
    'Content',
    'an Office 97 file named .xlsx',
    'documents',
    'content-mismatch',
    'ole.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ole,
  )
  add(
    'Content',
    'a PNG named .xls',
    'documents',
    'content-mismatch',
    'png.xls',
    'application/vnd.ms-excel',
    () => png(ihdr(40, 30)),
  )
  add(
    'Content',
    'binary data named .csv',
    'documents',
    'content-mismatch',
    'binary.csv',
    'text/csv',
    () => Uint8Array.from([1, 2, 0, 4, 0, 6, 7, 0]),
  )
  add(
    'Content',
    'a PNG typed image/jpeg',
    'documents',
    'content-mismatch',
    'typed.png',
    'image/jpeg',
    () => png(ihdr(40, 30)),
  )
  add(
    'Content',
    'a PNG named .jpg, no type',
    'documents',
    'content-mismatch',
    'untyped.jpg',
    '',
    () => png(ihdr(40, 30)),
  )
  add(
    'Content',
    'a broken WebP',
    'documents',
    'content-mismatch',
    'broken.webp',
    'image/webp',
    () => concat(text('RIFF'), new Uint8Array(4), text('WEBPjunk')),
  )
  add(
    'Content',
    'an MP4 named .heic',
    'everyImage',
    'content-mismatch',
    'video.heic',
    'image/heic',
    () => concat([0, 0, 0, 24], text('ftypisom'), [0, 0, 2, 0], text('isommp41')),
  )
  add('Content', 'an AVIF named .png', 'images', 'content-mismatch', 'avif.png', 'image/png', () =>
    heif(['avif'], [[100, 100]]),
  )

  // Types and extensions the list does not name.
  for (const [name, type] of [
    ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['script.js', 'text/javascript'],
    ['page.html', 'text/html'],
    ['archive.zip', 'application/zip'],
    ['song.mp3', 'audio/mpeg'],
    ['clip.mp4', 'video/mp4'],
    ['scan.tiff', 'image/tiff'],
    ['logo.svg', 'image/svg+xml'],
    ['data.json', 'application/json'],
    ['no-extension', ''],
    ['photo.heic', 'image/heic'],
    ['photo.avif', 'image/avif'],
  ] as const) {
    add(
      'Types',
      `${name} (${type || 'no type'}) when the list does not name it`,
      'documents',
      'file-type-not-allowed',
      name,
      type,
      () => pdf(100),
    )
  }

  // Sizes.
  add(
    'Sizes',
    'an empty PNG',
    'documents',
    'file-too-small',
    'empty.png',
    'image/png',
    () => new Uint8Array(0),
  )
  add(
    'Sizes',
    'an empty CSV',
    'documents',
    'file-too-small',
    'empty.csv',
    'text/csv',
    () => new Uint8Array(0),
  )
  add(
    'Sizes',
    'an empty text file',
    'open',
    'file-too-small',
    'empty.txt',
    'text/plain',
    () => new Uint8Array(0),
  )
  add(
    'Sizes',
    'an empty image',
    'images',
    'file-too-small',
    'empty.gif',
    'image/gif',
    () => new Uint8Array(0),
  )
  add(
    'Sizes',
    'a PDF one byte over the limit',
    'documents',
    'file-too-large',
    'big.pdf',
    'application/pdf',
    () => pdf(200_001),
  )
  add('Sizes', 'a CSV over the limit', 'documents', 'file-too-large', 'big.csv', 'text/csv', () =>
    text('a,b\n'.repeat(60_000)),
  )

  // Names.
  const names: [string, string][] = [
    ['a NUL', 'nul\u0000.pdf'],
    ['a bell', 'bell\u0007.pdf'],
    ['a tab', 'tab\tname.pdf'],
    ['a line feed', 'line\nfeed.pdf'],
    ['a carriage return', 'cr\r.pdf'],
    ['an escape', 'esc\u001b[31m.pdf'],
    ['a DEL', 'del\u007f.pdf'],
    ['a C1 control (NEL)', 'nel\u0085.pdf'],
    ['a right-to-left override', 'invoice\u202Efdp.pdf'],
    ['a left-to-right override', 'ltr\u202Dx.pdf'],
    ['a right-to-left embedding', 'emb\u202Bx.pdf'],
    ['a pop directional formatting', 'pop\u202Cx.pdf'],
    ['a left-to-right isolate', 'isolate\u2066x.pdf'],
    ['a first-strong isolate', 'fsi\u2068x.pdf'],
    ['a pop directional isolate', 'pdi\u2069x.pdf'],
    ['a right-to-left mark', 'mark\u200Fx.pdf'],
    ['a left-to-right mark', 'lrm\u200Ex.pdf'],
    ['an Arabic letter mark', 'alm\u061Cx.pdf'],
    ['a slash', 'dir/file.pdf'],
    ['a backslash', 'dir\\file.pdf'],
    ['a fullwidth solidus', '..\uFF0Fetc.pdf'],
    ['a fullwidth reverse solidus', '..\uFF3Cwin.pdf'],
    ['a division slash', 'a\u2215b.pdf'],
    ['a fraction slash', 'a\u2044b.pdf'],
    ['a set minus', 'a\u2216b.pdf'],
    ['a big solidus', 'a\u29F8b.pdf'],
    ['a small reverse solidus', 'a\uFE68b.pdf'],
    ['a box-drawing diagonal', 'a\u2571b.pdf'],
    ['only spaces', '   '],
    ['only a dot', '.'],
    ['two dots', '..'],
    ['101 characters', `${'n'.repeat(97)}.pdf`],
    ['101 characters, each outside the BMP', `${'😀'.repeat(97)}.pdf`],
  ]
  for (const [what, name] of names) {
    add('Names', `a name with ${what}`, 'documents', 'name-invalid', name, 'application/pdf', () =>
      pdf(),
    )
  }

  // The app's own rules.
  add(
    'Rules',
    'a name a rule refuses',
    'documents',
    'custom',
    'DRAFT-plan.pdf',
    'application/pdf',
    () => pdf(),
  )
  add(
    'Rules',
    'a size an async rule refuses',
    'documents',
    'custom',
    'unlucky.pdf',
    'application/pdf',
    () => pdf(12_345),
  )
  return list
}

/** Every bad input, in groups. */
export const badInputs: readonly BadInput[] = rows()

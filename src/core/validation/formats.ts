/**
 * What a file's first bytes say it is: the kinds a name or MIME type can claim, the content
 * sniffing (binary signatures, ISO-BMFF brands, the WHATWG HTML patterns, script-capable XML), and
 * the names messages use. One file (about 400 lines) because the kinds table, the sniffer and the
 * names are one vocabulary: each change to a format touches all three.
 */
/** What a file's first bytes show it to be. */
export type ContentFormat =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'avif'
  | 'heic'
  | 'pdf'
  | 'ole'
  | 'zip'
  | 'xlsx'
  | 'html'
  | 'svg'
  | 'xml'
  | 'executable'
  | 'script'
  | 'text'
  | 'binary'
  | 'empty'

/** A kind of file a name or MIME type can claim, with the content that proves the claim. */
export interface FileKind {
  /** The kind's name, as messages show it. */
  readonly name: string
  /**
   * The MIME types browsers report for it, the canonical one first; a file reporting another is
   * sent as the canonical one (see `effectiveType`).
   */
  readonly mimeTypes: readonly string[]
  /** Its extensions, without the dot. */
  readonly extensions: readonly string[]
  /** The content formats that prove it. */
  readonly content: readonly ContentFormat[]
}

/** The kinds assetdrop knows by content: every format the five documents accept, and the risky ones. */
export const fileKinds: readonly FileKind[] = [
  { name: 'PNG', mimeTypes: ['image/png'], extensions: ['png'], content: ['png'] },
  {
    name: 'JPEG',
    mimeTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    content: ['jpeg'],
  },
  { name: 'GIF', mimeTypes: ['image/gif'], extensions: ['gif'], content: ['gif'] },
  { name: 'WebP', mimeTypes: ['image/webp'], extensions: ['webp'], content: ['webp'] },
  {
    name: 'BMP',
    mimeTypes: ['image/bmp', 'image/x-ms-bmp'],
    extensions: ['bmp'],
    content: ['bmp'],
  },
  { name: 'TIFF', mimeTypes: ['image/tiff'], extensions: ['tif', 'tiff'], content: ['tiff'] },
  { name: 'AVIF', mimeTypes: ['image/avif'], extensions: ['avif'], content: ['avif'] },
  // Phones report either type for either name.
  {
    name: 'HEIC',
    mimeTypes: ['image/heic', 'image/heic-sequence', 'image/heif'],
    extensions: ['heic'],
    content: ['heic'],
  },
  {
    name: 'HEIF',
    mimeTypes: ['image/heif', 'image/heif-sequence', 'image/heic'],
    extensions: ['heif', 'hif'],
    content: ['heic'],
  },
  { name: 'SVG', mimeTypes: ['image/svg+xml'], extensions: ['svg'], content: ['svg'] },
  { name: 'PDF', mimeTypes: ['application/pdf'], extensions: ['pdf'], content: ['pdf'] },
  {
    name: 'Excel 97–2003',
    mimeTypes: ['application/vnd.ms-excel'],
    extensions: ['xls'],
    content: ['ole'],
  },
  {
    name: 'Excel',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extensions: ['xlsx'],
    content: ['xlsx'],
  },
  // Windows reports .csv files as application/vnd.ms-excel when Excel is installed.
  {
    name: 'CSV',
    mimeTypes: [
      'text/csv',
      'application/csv',
      'text/comma-separated-values',
      'application/vnd.ms-excel',
    ],
    extensions: ['csv'],
    content: ['text', 'empty'],
  },
  {
    name: 'text',
    mimeTypes: ['text/plain'],
    extensions: ['txt', 'text', 'md', 'log'],
    content: ['text', 'empty'],
  },
  {
    name: 'JSON',
    mimeTypes: ['application/json'],
    extensions: ['json'],
    content: ['text', 'empty'],
  },
  {
    name: 'HTML',
    mimeTypes: ['text/html'],
    extensions: ['html', 'htm'],
    content: ['html', 'text', 'empty'],
  },
  {
    name: 'XML',
    mimeTypes: ['application/xml', 'text/xml'],
    extensions: ['xml'],
    // Not SVG or XHTML: XML that can run script is refused under an XML name.
    content: ['xml', 'text'],
  },
  {
    name: 'ZIP',
    mimeTypes: ['application/zip', 'application/x-zip-compressed'],
    extensions: ['zip'],
    content: ['zip', 'xlsx'],
  },
]

/** Content that must never arrive under another kind's name. */
export const riskyFormats: ReadonlySet<ContentFormat> = new Set([
  'html',
  'svg',
  'executable',
  'script',
])

/** The raster formats a browser shows, whose header must hold a readable size. */
export const rasterFormats: ReadonlySet<ContentFormat> = new Set([
  'png',
  'jpeg',
  'gif',
  'webp',
  'bmp',
])

/** The image formats whose dimensions `readImageSize` reads from their header. */
export const imageFormats: ReadonlySet<ContentFormat> = new Set([
  'png',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tiff',
  'avif',
  'heic',
  'svg',
])

const byExtension = new Map(
  fileKinds.flatMap((kind) => kind.extensions.map((ext) => [ext, kind] as const)),
)
// A type is the kind's whose canonical type it is, else the first kind's that lists it.
const byMimeType = new Map(fileKinds.map((kind) => [kind.mimeTypes[0], kind]))
for (const kind of fileKinds)
  for (const type of kind.mimeTypes) if (!byMimeType.has(type)) byMimeType.set(type, kind)

/** The last extension of `name`, lower-cased, without the dot; `''` when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : ''
}

/** The kind a file's extension claims. */
export function kindByExtension(name: string): FileKind | undefined {
  return byExtension.get(extensionOf(name))
}

/** The kind a MIME type claims. */
export function kindByMimeType(type: string): FileKind | undefined {
  return byMimeType.get(type.toLowerCase().split(';')[0]?.trim() ?? '')
}

/** How many bytes {@link detectFormat} wants to see. */
export const headLength = 4096

/** The format of a file from its first bytes (`head`) and, for ZIP files, its last (`tail`). */
export function detectFormat(head: Uint8Array, tail?: Uint8Array): ContentFormat {
  if (head.length === 0) return 'empty'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    // A PNG's first chunk is its 13-byte header, IHDR; anything else is not a PNG a browser shows.
    return startsWith(head.subarray(8), [0, 0, 0, 13]) && textAt(head, 12, 'IHDR')
      ? 'png'
      : 'binary'
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWithText(head, 'GIF87a') || startsWithText(head, 'GIF89a')) return 'gif'
  if (startsWithText(head, 'RIFF') && textAt(head, 8, 'WEBP')) return 'webp'
  if (
    startsWithText(head, 'BM') &&
    head.length >= 26 &&
    head[14] !== undefined &&
    [12, 40, 52, 56, 108, 124].includes(head[14])
  ) {
    return 'bmp'
  }
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff'
  const brand = isoImageBrand(head)
  if (brand) return brand
  if (startsWithText(head, '%PDF-')) return 'pdf'
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return containsText(tail ?? head, 'xl/workbook.xml') ? 'xlsx' : 'zip'
  }
  if (isProgram(head)) return 'executable'
  if (startsWithText(head, 'MZ') && !isText(head)) return 'executable'
  if (!isText(head)) return 'binary'
  const text = leadingText(head)
  if (text.startsWith('#!')) return 'script'
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) {
    return 'svg'
  }
  if (text.startsWith('<?xml') || text.startsWith('<!doctype')) {
    const scriptable = scriptableXml(text)
    if (scriptable) return scriptable
    if (text.startsWith('<?xml')) return 'xml'
  }
  if (htmlStart.test(text) || htmlInside.test(text)) return 'html'
  // XML needs no declaration: other markup is read as XML all the same.
  return (text.startsWith('<') && scriptableXml(text)) || 'text'
}

/** XML that browsers render and run script in: SVG, XHTML or an XSLT transform anywhere in it. */
function scriptableXml(text: string): 'svg' | 'html' | undefined {
  if (/<svg[\s>:]|\/2000\/svg/.test(text)) return 'svg'
  return xmlWithScript.test(text) ? 'html' : undefined
}

/**
 * The starts that make a browser sniff a file as HTML (the WHATWG MIME Sniffing standard's
 * patterns, after white space: `<!DOCTYPE HTML`, `<HTML`, `<HEAD`, `<SCRIPT`, `<IFRAME`, `<H1`,
 * `<DIV`, `<FONT`, `<TABLE`, `<A`, `<STYLE`, `<TITLE`, `<B`, `<BODY`, `<BR`, `<P` and `<!--`, each
 * ending a tag), and other tags that run script or load content.
 */
const htmlStart =
  /^(<!--|<(!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|meta|link|object|embed|form|img|svg|frameset|frame|base|video|audio|math|template|details|input|button|isindex|marquee)[\s>/])/

/**
 * Markup anywhere in the first bytes that runs script in a browser: script-capable elements, an
 * event handler attribute (`<img src=x onerror=…>`), or a `javascript:` URL.
 */
const htmlInside =
  /<(script|iframe|object|embed|frameset|frame|base|html|body|svg|math)[\s>/]|<[a-z][^<>]*[\s/"']on[a-z]+\s*=|javascript:/

/**
 * XML with XHTML in it (by namespace or element), a script element of any namespace, or XSLT
 * (an `xml-stylesheet` instruction naming one, or a transform itself): a browser renders what
 * the transform makes, scripts included.
 */
const xmlWithScript =
  /\/1999\/xhtml|<html[\s>:]|<([a-z]+:)?script[\s>/]|\/1999\/xsl\/transform|<\?xml-stylesheet[^>]*xsl/

/** Whether the kind's content formats include `format`. */
export function kindAccepts(kind: FileKind, format: ContentFormat): boolean {
  return kind.content.includes(format)
}

/** The readable name of a content format, for messages: "a program", "text", "PNG". */
export function formatName(format: ContentFormat): string {
  const names: Partial<Record<ContentFormat, string>> = {
    ole: 'an Office 97–2003 document',
    xlsx: 'Excel',
    webp: 'WebP',
    executable: 'a program',
    script: 'a script',
    text: 'text',
    binary: 'binary data',
    empty: 'nothing (the file is empty)',
  }
  return names[format] ?? format.toUpperCase()
}

/** What a family of types (`image/*`) is called in messages. */
const families: Readonly<Record<string, string>> = {
  image: 'images',
  video: 'videos',
  audio: 'audio',
  text: 'text files',
  application: 'documents',
}

/**
 * Accepted types (`image/png`, `.xlsx`, `image/*`) as an end user reads them: by the name of
 * their kind, each once ("PNG, JPEG, PDF, Excel").
 */
export function typeNames(patterns: readonly string[]): string {
  const names = new Set<string>()
  for (const raw of patterns) {
    const pattern = raw.trim().toLowerCase()
    names.add(
      pattern === '*' || pattern === '*/*'
        ? 'any file'
        : pattern.endsWith('/*')
          ? (families[pattern.slice(0, -2)] ?? pattern)
          : pattern.startsWith('.')
            ? (kindByExtension(`file${pattern}`)?.name ?? pattern.slice(1).toUpperCase())
            : (kindByMimeType(pattern)?.name ?? pattern),
    )
  }
  return [...names].join(', ')
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

function textAt(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[offset + index] !== text.charCodeAt(index)) return false
  }
  return true
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  return textAt(bytes, 0, text)
}

function containsText(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0)
  for (let index = bytes.indexOf(first); index !== -1; index = bytes.indexOf(first, index + 1)) {
    if (textAt(bytes, index, text)) return true
  }
  return false
}

/** A view of exactly `bytes`, for reading numbers out of them. */
export const viewOf = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * Linux programs (ELF) and macOS ones: Mach-O, 32- and 64-bit in either byte order, and
 * universal (fat) binaries, as most macOS apps ship (Java's class files share their number).
 */
function isProgram(bytes: Uint8Array): boolean {
  const magics = [
    0x7f454c46, 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xcafebabf,
  ]
  return bytes.length >= 4 && magics.includes(viewOf(bytes).getUint32(0))
}

/**
 * The image format an ISO base media file (`ftyp` box) declares by its brands: AVIF (`avif`,
 * `avis`) or HEIF/HEIC (`heic`, `heix`, `mif1`, …); `undefined` for anything else (video).
 */
function isoImageBrand(bytes: Uint8Array): 'avif' | 'heic' | undefined {
  if (!textAt(bytes, 4, 'ftyp') || bytes.length < 16) return undefined
  const boxSize = viewOf(bytes).getUint32(0)
  const end = Math.min(boxSize, bytes.length)
  const brands: string[] = []
  for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
    brands.push(String.fromCharCode(...bytes.subarray(offset, offset + 4)))
  }
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif'
  const heif = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'mif2']
  return brands.some((brand) => heif.includes(brand)) ? 'heic' : undefined
}

/** Text has no NUL bytes and almost no other control characters (UTF-16 with a BOM counts too). */
function isText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true
  let controls = 0
  for (const byte of bytes) {
    if (byte === 0) return false
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls += 1
  }
  return controls * 100 <= bytes.length
}

/**
 * Text as a browser decodes it: UTF-16 when a UTF-16 byte order mark says so (markup in it
 * renders all the same), UTF-8 otherwise; a byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : 'utf-8'
  return new TextDecoder(encoding).decode(bytes)
}

/** The first bytes as lower-case text, without a BOM or leading white space (however long). */
function leadingText(bytes: Uint8Array): string {
  return decodeText(bytes).trimStart().toLowerCase()
}

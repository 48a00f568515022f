/**
 * Image sizes from headers, without decoding: one walker per format (PNG, BMP, WebP, JPEG with
 * EXIF orientation, GIF frame by frame, TIFF, AVIF/HEIC, SVG), each able to ask for more bytes
 * where the structure says the size lies further in. One file (about 350 lines): the walkers
 * share the walk state, the windowed reader and the orientation rule.
 */
import { type ContentFormat, decodeText, viewOf } from './formats'

/** An image's size in pixels, as displayed (after EXIF orientation or HEIF rotation). */
export interface ImageDimensions {
  readonly width: number
  readonly height: number
}

/** Reads the bytes of a file from `start` up to `end` (fewer at its end). */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>

/**
 * Where a walk through a file's structure stands: the offset it needs bytes at next, and what it
 * has found so far.
 */
interface Walk {
  offset: number
  width: number
  height: number
  /** Whether the displayed image is turned a quarter (EXIF orientation 5–8, HEIF `irot` 1 or 3). */
  turned: boolean
  /** Whether the walk has seen what it looks for first (EXIF, a GIF frame, a HEIF's first window). */
  seen: boolean
  /** Whether a GIF walk is inside a block's sub-blocks; whether a TIFF is little-endian. */
  flag: boolean
}

/**
 * A walker reads what it can from `bytes` (the file's bytes from `base` on), moving `walk` on:
 * the dimensions when it has them, `more` when it needs the bytes at `walk.offset`, `undefined`
 * when the structure is broken or ends without a size.
 */
type Walker = (bytes: Uint8Array, base: number, walk: Walk) => ImageDimensions | 'more' | undefined

/** How many bytes a walk reads at a time when the first bytes do not hold the size. */
const window = 256 * 1024
/** How many windows a walk reads at most: 64 MiB, far past any real header. */
const maxWindows = 256

/**
 * The dimensions of an image from its first bytes, without decoding it; `undefined` when they do
 * not hold them (see {@link readImageSizeDeep}) or the header is broken.
 */
export function readImageSize(
  format: ContentFormat,
  bytes: Uint8Array,
): ImageDimensions | undefined {
  const walker = walkers[format]
  if (!walker) return undefined
  const walk = startOf(format)
  const found = walker(bytes, 0, walk)
  if (found !== 'more') return found
  // A GIF's screen, grown by the frames seen so far.
  return format === 'gif' ? size(walk.width, walk.height) : undefined
}

/**
 * The dimensions of an image, reading past its first bytes (`head`) where its structure says the
 * size lies further in: a JPEG's frame after megabytes of metadata, a TIFF's directory at its end,
 * every frame of a GIF, a HEIF's item properties.
 */
export async function readImageSizeDeep(
  format: ContentFormat,
  head: Uint8Array,
  read: ReadBytes,
): Promise<ImageDimensions | undefined> {
  const walker = walkers[format]
  if (!walker) return undefined
  const walk = startOf(format)
  let bytes = head
  let base = 0
  for (let windows = 0; windows < maxWindows; windows++) {
    const found = walker(bytes, base, walk)
    if (found !== 'more') return found
    const next = await read(walk.offset, walk.offset + window)
    // No progress: the file ends inside the structure.
    if (next.length === 0 || (base === walk.offset && next.length <= bytes.length)) break
    bytes = next
    base = walk.offset
  }
  return walk.seen && format === 'gif' ? size(walk.width, walk.height) : undefined
}

const startOf = (format: ContentFormat): Walk => ({
  offset: format === 'jpeg' ? 2 : 0,
  width: 0,
  height: 0,
  turned: false,
  seen: false,
  flag: false,
})

function size(width: number, height: number, turned = false): ImageDimensions | undefined {
  if (!(width > 0 && height > 0)) return undefined
  return turned ? { width: height, height: width } : { width, height }
}

const walkers: Partial<Record<ContentFormat, Walker>> = {
  // The first chunk is IHDR (detectFormat checks it): width and height at 16 and 20.
  png: (bytes) =>
    bytes.length >= 24 ? size(viewOf(bytes).getUint32(16), viewOf(bytes).getUint32(20)) : 'more',
  bmp: (bytes) =>
    bytes.length >= 26
      ? size(viewOf(bytes).getInt32(18, true), Math.abs(viewOf(bytes).getInt32(22, true)))
      : 'more',
  webp: (bytes) => webpSize(viewOf(bytes)),
  jpeg: walkJpeg,
  gif: walkGif,
  tiff: (bytes, base, walk) => walkTiff(bytes, base, walk),
  avif: walkHeif,
  heic: walkHeif,
  svg: (bytes) => svgSize(decodeText(bytes)),
}

function webpSize(view: DataView): ImageDimensions | undefined {
  if (view.byteLength < 30) return undefined
  const chunk = String.fromCharCode(
    view.getUint8(12),
    view.getUint8(13),
    view.getUint8(14),
    view.getUint8(15),
  )
  if (chunk === 'VP8 ')
    return size(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true)
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') {
    const uint24 = (offset: number) =>
      view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getUint8(offset + 2) << 16)
    return size(uint24(24) + 1, uint24(27) + 1)
  }
  return undefined
}

/**
 * Walks the JPEG markers to the first start-of-frame, which holds the size, reading the EXIF
 * orientation on the way (a phone's portrait photo is stored landscape, orientation 6).
 */
function walkJpeg(
  bytes: Uint8Array,
  base: number,
  walk: Walk,
): ImageDimensions | 'more' | undefined {
  const view = viewOf(bytes)
  for (;;) {
    const at = walk.offset - base
    if (at + 4 > bytes.length) return 'more'
    if (view.getUint8(at) !== 0xff) return undefined
    const marker = view.getUint8(at + 1)
    if (marker === 0xff) {
      walk.offset += 1
      continue
    }
    if (marker === 0xd9) return undefined
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      walk.offset += 2
      continue
    }
    const length = view.getUint16(at + 2)
    // Start-of-frame markers, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return 'more'
      return size(view.getUint16(at + 7), view.getUint16(at + 5), walk.turned)
    }
    if (marker === 0xe1 && !walk.seen) {
      if (at + 2 + length > bytes.length) return 'more'
      const segment = bytes.subarray(at + 4, at + 2 + length)
      if (String.fromCharCode(...segment.subarray(0, 6)) === 'Exif\0\0') {
        walk.seen = true
        const orientation = tiffTags(segment.subarray(6), [0x0112])?.get(0x0112) ?? 1
        walk.turned = orientation >= 5 && orientation <= 8
      }
    }
    walk.offset += 2 + length
  }
}

/**
 * The values of `wanted` tags (SHORT or LONG) in the first directory of the TIFF structure in
 * `tiff` (a TIFF file, or an EXIF block); `undefined` when the directory lies outside `tiff`.
 */
function tiffTags(tiff: Uint8Array, wanted: readonly number[]): Map<number, number> | undefined {
  if (tiff.length < 8) return undefined
  const view = viewOf(tiff)
  const little = tiff[0] === 0x49
  const directory = view.getUint32(4, little)
  if (directory + 2 > tiff.length) return undefined
  const count = view.getUint16(directory, little)
  if (directory + 2 + count * 12 > tiff.length) return undefined
  const found = new Map<number, number>()
  for (let entry = directory + 2; entry < directory + 2 + count * 12; entry += 12) {
    const tag = view.getUint16(entry, little)
    const type = view.getUint16(entry + 2, little)
    if (!wanted.includes(tag)) continue
    if (type === 3) found.set(tag, view.getUint16(entry + 8, little))
    else if (type === 4) found.set(tag, view.getUint32(entry + 8, little))
  }
  return found
}

/** A TIFF's size and orientation, from its first directory, wherever in the file it lies. */
function walkTiff(
  bytes: Uint8Array,
  base: number,
  walk: Walk,
): ImageDimensions | 'more' | undefined {
  if (base === 0) {
    if (bytes.length < 8) return undefined
    const tags = tiffTags(bytes, [256, 257, 274])
    if (tags) return tiffSize(tags)
    walk.flag = bytes[0] === 0x49
    walk.offset = viewOf(bytes).getUint32(4, walk.flag)
    return 'more'
  }
  // The directory, read on its own: give it the header that points at it.
  const header = new Uint8Array(8 + bytes.length)
  header.set(walk.flag ? [0x49, 0x49, 42, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 42, 0, 0, 0, 8])
  header.set(bytes, 8)
  const tags = tiffTags(header, [256, 257, 274])
  return tags ? tiffSize(tags) : undefined
}

function tiffSize(tags: Map<number, number>): ImageDimensions | undefined {
  const orientation = tags.get(274) ?? 1
  return size(tags.get(256) ?? 0, tags.get(257) ?? 0, orientation >= 5 && orientation <= 8)
}

/**
 * A GIF's size: its logical screen, grown to hold every frame (a decoder allocates a frame's own
 * size, whatever the screen says). Walks every frame, reading on as it needs.
 */
function walkGif(
  bytes: Uint8Array,
  base: number,
  walk: Walk,
): ImageDimensions | 'more' | undefined {
  const view = viewOf(bytes)
  if (walk.offset === 0) {
    if (bytes.length < 13) return undefined
    walk.width = view.getUint16(6, true)
    walk.height = view.getUint16(8, true)
    const packed = view.getUint8(10)
    walk.offset = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0)
  }
  for (;;) {
    let at = walk.offset - base
    if (!walk.flag) {
      if (at >= bytes.length) return 'more'
      const block = view.getUint8(at)
      if (block === 0x3b) return size(walk.width, walk.height)
      if (block === 0x2c) {
        if (at + 11 > bytes.length) return 'more'
        const left = view.getUint16(at + 1, true)
        const top = view.getUint16(at + 3, true)
        walk.width = Math.max(walk.width, left + view.getUint16(at + 5, true))
        walk.height = Math.max(walk.height, top + view.getUint16(at + 7, true))
        walk.seen = true
        const packed = view.getUint8(at + 9)
        // The descriptor, its local color table and the LZW code size, then the data's sub-blocks.
        at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1
      } else if (block === 0x21) {
        at += 2
      } else {
        return walk.seen ? size(walk.width, walk.height) : undefined
      }
      walk.flag = true
    }
    // Skip sub-blocks (a length byte, then that many bytes) up to the zero-length terminator.
    for (;;) {
      if (at >= bytes.length) {
        walk.offset = base + at
        return 'more'
      }
      const length = view.getUint8(at)
      at += 1 + length
      if (length === 0) break
    }
    walk.flag = false
    walk.offset = base + at
  }
}

/**
 * An AVIF or HEIF image's size from its item properties: the largest image spatial extents
 * (`ispe`, the primary image's; tiles and thumbnails are smaller), turned by an `irot` box.
 */
function walkHeif(
  bytes: Uint8Array,
  _base: number,
  walk: Walk,
): ImageDimensions | 'more' | undefined {
  const view = viewOf(bytes)
  let width = 0
  let height = 0
  let turned = false
  for (
    let at = bytes.indexOf(0x69);
    at !== -1 && at + 16 <= bytes.length;
    at = bytes.indexOf(0x69, at + 1)
  ) {
    const type = String.fromCharCode(
      bytes[at] ?? 0,
      bytes[at + 1] ?? 0,
      bytes[at + 2] ?? 0,
      bytes[at + 3] ?? 0,
    )
    if (type === 'ispe') {
      width = Math.max(width, view.getUint32(at + 8))
      height = Math.max(height, view.getUint32(at + 12))
    } else if (type === 'irot') {
      turned ||= (view.getUint8(at + 4) & 3) % 2 === 1
    }
  }
  if (width > 0) return size(width, height, turned)
  // The properties lie past the first bytes: read the first window once.
  if (walk.seen) return undefined
  walk.seen = true
  return 'more'
}

/**
 * An SVG's size from its root element's `width` and `height` (in pixels, unitless or `px`), or
 * else its `viewBox`; `undefined` when it has neither (it scales to whatever holds it).
 */
function svgSize(text: string): ImageDimensions | undefined {
  const root = /<svg[\s>][^>]*/i.exec(text)?.[0]
  if (!root) return undefined
  const attribute = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']\\s*([^"']*)["']`, 'i').exec(root)?.[1]?.trim()
  const pixels = (value: string | undefined) => {
    const match = /^(\d+(?:\.\d+)?)(px)?$/.exec(value ?? '')
    return match ? Math.ceil(Number(match[1])) : undefined
  }
  const width = pixels(attribute('width'))
  const height = pixels(attribute('height'))
  if (width !== undefined && height !== undefined) return size(width, height)
  const box = attribute('viewBox')
    ?.split(/[\s,]+/)
    .map(Number)
  if (box?.length === 4 && box.every(Number.isFinite)) {
    return size(Math.ceil(box[2] ?? 0), Math.ceil(box[3] ?? 0))
  }
  return undefined
}

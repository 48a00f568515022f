/**
 * Crafted image files, byte by byte: headers that claim one thing and hold another, the places a
 * size hides (EXIF, a TIFF's directory, HEIF item properties, every GIF frame), and the decoys an
 * attacker puts before them. Pure functions, so Node, Chromium and the table script share them.
 */

const text = (value: string) => new TextEncoder().encode(value)

/** The parts, one after another. */
export function concat(
  ...parts: readonly (Uint8Array | readonly number[])[]
): Uint8Array<ArrayBuffer> {
  const arrays = parts.map((part) => (part instanceof Uint8Array ? part : Uint8Array.from(part)))
  const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of arrays) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const u16 = (value: number, little = false) => {
  const view = new DataView(new ArrayBuffer(2))
  view.setUint16(0, value, little)
  return new Uint8Array(view.buffer)
}
const u32 = (value: number, little = false) => {
  const view = new DataView(new ArrayBuffer(4))
  view.setUint32(0, value, little)
  return new Uint8Array(view.buffer)
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** A PNG chunk (the CRC is not checked by a header reader, so it is zero). */
export const pngChunk = (type: string, data: Uint8Array | readonly number[] = []) =>
  concat(u32(data.length), text(type), data, [0, 0, 0, 0])

/** A PNG header chunk claiming `width`×`height`. */
export const ihdr = (width: number, height: number) =>
  pngChunk('IHDR', concat(u32(width), u32(height), [8, 6, 0, 0, 0]))

/** A PNG signature, then `chunks` (IHDR first in a real one). */
export const png = (...chunks: Uint8Array[]) => concat(pngSignature, ...chunks, pngChunk('IEND'))

/**
 * A GIF with a `screen` logical screen and one image descriptor per frame (`left`, `top`,
 * `width`, `height`), each with a little image data.
 */
export function gif(
  screen: readonly [number, number],
  frames: readonly (readonly [number, number, number, number])[],
  dataBytes = 4,
): Uint8Array<ArrayBuffer> {
  const parts: (Uint8Array | number[])[] = [
    text('GIF89a'),
    u16(screen[0], true),
    u16(screen[1], true),
    [0x80, 0, 0], // a global color table of 2 entries
    [0, 0, 0, 255, 255, 255],
    // A graphic control extension, as animations have.
    [0x21, 0xf9, 4, 0, 10, 0, 0, 0],
  ]
  for (const [left, top, width, height] of frames) {
    parts.push([0x2c], u16(left, true), u16(top, true), u16(width, true), u16(height, true), [0])
    parts.push([2])
    // The data in sub-blocks of up to 255 bytes.
    for (let left = dataBytes; left > 0; left -= 255) {
      const length = Math.min(255, left)
      parts.push([length, ...new Array(length).fill(0x44)])
    }
    parts.push([0])
  }
  parts.push([0x3b])
  return concat(...parts)
}

/** A JPEG segment with `marker` and `data`. */
const segment = (marker: number, data: Uint8Array) =>
  concat([0xff, marker], u16(data.length + 2), data)

/** An EXIF block (APP1 segment data) holding one orientation tag. */
export function exif(orientation: number, little = true): Uint8Array<ArrayBuffer> {
  const tiff = concat(
    little ? text('II') : text('MM'),
    u16(42, little),
    u32(8, little),
    u16(1, little),
    u16(0x0112, little),
    u16(3, little),
    u32(1, little),
    u16(orientation, little),
    [0, 0],
    u32(0, little),
  )
  return concat(text('Exif\0\0'), tiff)
}

/**
 * A JPEG's markers up to its frame: SOI, then `before` (APPn segments), then a baseline
 * start-of-frame claiming `width`×`height`, then the end.
 */
export function jpeg(width: number, height: number, before: readonly Uint8Array[] = []) {
  const frame = segment(
    0xc0,
    concat([8], u16(height), u16(width), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
  )
  return concat([0xff, 0xd8], ...before, frame, [0xff, 0xd9])
}

/** An APPn segment of `length` bytes of data (at most 65533): metadata a camera adds. */
export const appSegment = (n: number, length: number) =>
  segment(0xe0 + n, new Uint8Array(length).fill(0x20))

/** An EXIF segment turning the image by `orientation`. */
export const exifSegment = (orientation: number, little?: boolean) =>
  segment(0xe1, exif(orientation, little))

/**
 * A TIFF whose first directory (width, height, orientation) lies after `gap` bytes of image data,
 * as writers that put the directory at the end do.
 */
export function tiff(width: number, height: number, orientation = 1, gap = 0, little = true) {
  const entries: [number, number, number][] = [
    [256, 4, width],
    [257, 4, height],
    [274, 3, orientation],
  ]
  const directory = concat(
    u16(entries.length, little),
    ...entries.map(([tag, type, value]) =>
      concat(
        u16(tag, little),
        u16(type, little),
        u32(1, little),
        type === 3 ? concat(u16(value, little), [0, 0]) : u32(value, little),
      ),
    ),
    u32(0, little),
  )
  return concat(
    little ? text('II') : text('MM'),
    u16(42, little),
    u32(8 + gap, little),
    new Uint8Array(gap),
    directory,
  )
}

/** An ISO base media box. */
const box = (type: string, ...content: Uint8Array[]) => {
  const body = concat(...content)
  return concat(u32(8 + body.length), text(type), body)
}
const fullBox = (type: string, ...content: Uint8Array[]) => box(type, new Uint8Array(4), ...content)

/**
 * An AVIF or HEIF file: `ftyp` with `brands`, then `meta` whose item properties hold an `ispe`
 * for each of `extents` (the primary image first, then tiles or thumbnails) and an `irot` of
 * `rotation` quarter turns; `padding` bytes of other boxes come before the properties.
 */
export function heif(
  brands: readonly string[],
  extents: readonly (readonly [number, number])[],
  rotation = 0,
  padding = 0,
) {
  const [major = 'mif1', ...compatible] = brands
  const properties = [
    ...extents.map(([width, height]) => fullBox('ispe', u32(width), u32(height))),
    ...(rotation ? [box('irot', Uint8Array.of(rotation))] : []),
  ]
  return concat(
    box('ftyp', text(major), u32(0), ...[major, ...compatible].map(text)),
    fullBox(
      'meta',
      fullBox('hdlr', u32(0), text('pict'), new Uint8Array(13)),
      ...(padding ? [box('free', new Uint8Array(padding))] : []),
      box('iprp', box('ipco', ...properties)),
    ),
    box('mdat', new Uint8Array(16)),
  )
}

/** SVG text with a root element of `attributes` and `body`. */
export const svg = (attributes: string, body = '') =>
  text(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`)

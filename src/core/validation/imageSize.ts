import type { ContentFormat } from './formats'

/** An image's size in pixels. */
export interface ImageDimensions {
  readonly width: number
  readonly height: number
}

/**
 * The dimensions of a raster image from its first bytes, without decoding it; `undefined` when
 * the header does not hold them (a JPEG's may lie further in: ask again with more bytes).
 */
export function readImageSize(
  format: ContentFormat,
  bytes: Uint8Array,
): ImageDimensions | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const fits = (end: number) => bytes.length >= end
  switch (format) {
    case 'png':
      return fits(24) ? size(view.getUint32(16), view.getUint32(20)) : undefined
    case 'gif':
      return fits(10) ? size(view.getUint16(6, true), view.getUint16(8, true)) : undefined
    case 'bmp':
      return fits(26) ? size(view.getInt32(18, true), Math.abs(view.getInt32(22, true))) : undefined
    case 'webp':
      return webpSize(view)
    case 'jpeg':
      return jpegSize(view)
    default:
      return undefined
  }
}

function size(width: number, height: number): ImageDimensions | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined
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

/** Walks the JPEG markers to the first start-of-frame, which holds the size. */
function jpegSize(view: DataView): ImageDimensions | undefined {
  let offset = 2
  while (offset + 9 <= view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return undefined
    const marker = view.getUint8(offset + 1)
    if (marker === 0xff) {
      offset += 1
      continue
    }
    // Start-of-frame markers, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return size(view.getUint16(offset + 7), view.getUint16(offset + 5))
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      offset += 2
      continue
    }
    offset += 2 + view.getUint16(offset + 2)
  }
  return undefined
}

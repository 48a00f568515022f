import { imageSize } from 'image-size'
import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src/core/validation/formats'
import { readImageSize, readImageSizeDeep } from '../../../src/core/validation/imageSize'
import {
  appSegment,
  exifSegment,
  gif,
  heif,
  ihdr,
  jpeg,
  png,
  pngChunk,
  svg,
  tiff,
} from '../../validation/crafted'

/** The size a browser shows, per the independent `image-size` package (orientation applied). */
function oracle(bytes: Uint8Array) {
  const found = imageSize(bytes)
  const turned = (found.orientation ?? 1) >= 5
  return turned
    ? { width: found.height, height: found.width }
    : { width: found.width, height: found.height }
}

/** Reads `bytes` as the validator does: the first 4 KiB, then on where the structure says. */
async function sizeOf(bytes: Uint8Array) {
  const format = detectFormat(bytes.subarray(0, 4096))
  return readImageSizeDeep(format, bytes.subarray(0, 4096), async (start, end) =>
    bytes.subarray(start, end),
  )
}

describe('image sizes as displayed, read from headers wherever they lie', () => {
  it.each([
    ['a PNG', png(ihdr(640, 480))],
    ['a JPEG', jpeg(640, 480, [appSegment(0, 14)])],
    ['a JPEG with EXIF orientation 6 (a portrait phone photo)', jpeg(4032, 3024, [exifSegment(6)])],
    ['a JPEG with big-endian EXIF orientation 8', jpeg(4032, 3024, [exifSegment(8, false)])],
    [
      'a JPEG with EXIF orientation 3 (upside down, not turned)',
      jpeg(4032, 3024, [exifSegment(3)]),
    ],
    [
      'a JPEG whose frame follows 1.5 MiB of metadata',
      jpeg(
        800,
        600,
        Array.from({ length: 24 }, () => appSegment(2, 65_533)),
      ),
    ],
    ['a TIFF', tiff(300, 200)],
    ['a big-endian TIFF whose directory is at its end', tiff(300, 200, 1, 200_000, false)],
    ['an AVIF', heif(['avif', 'mif1'], [[1920, 1080]])],
    [
      'a HEIC with tiles',
      heif(
        ['heic', 'mif1'],
        [
          [4032, 3024],
          [512, 512],
        ],
      ),
    ],
    ['a HEIF whose properties follow 8 KiB of other boxes', heif(['mif1'], [[1200, 900]], 0, 8192)],
    ['an SVG with pixel sizes', svg('width="120px" height="80"')],
    ['an SVG sized by its viewBox', svg('viewBox="0 0 300 150"')],
    ['a GIF', gif([40, 30], [[0, 0, 40, 30]])],
  ])('reads %s as image-size does', async (_, bytes) => {
    expect(await sizeOf(bytes)).toEqual(oracle(bytes))
  })

  it('turns TIFF and HEIF images as they are displayed (image-size leaves them unturned)', async () => {
    expect(await sizeOf(tiff(300, 200, 6))).toEqual({ width: 200, height: 300 })
    expect(await sizeOf(tiff(300, 200, 3))).toEqual({ width: 300, height: 200 })
    const turned = heif(
      ['heic', 'mif1'],
      [
        [4032, 3024],
        [512, 512],
      ],
      1,
    )
    expect(await sizeOf(turned)).toEqual({ width: 3024, height: 4032 })
    expect(await sizeOf(heif(['avif'], [[300, 100]], 2))).toEqual({ width: 300, height: 100 })
  })

  it('grows a GIF to its largest frame, however far in', async () => {
    const huge = gif(
      [10, 10],
      [
        [0, 0, 10, 10],
        [0, 0, 30_000, 20_000],
      ],
      600_000,
    )
    expect(await sizeOf(huge)).toEqual({ width: 30_000, height: 20_000 })
    expect(await sizeOf(gif([10, 10], [[5_000, 0, 100, 100]]))).toEqual({
      width: 5_100,
      height: 100,
    })
  })

  it('does not read a PNG size from a chunk other than IHDR', () => {
    expect(
      detectFormat(png(pngChunk('tEXt', [1, 2, 3, 4, 5, 6, 7, 8, 9]), ihdr(99_999, 99_999))),
    ).toBe('binary')
    expect(detectFormat(png(ihdr(10, 10)))).toBe('png')
    expect(readImageSize('png', png(ihdr(10, 10)))).toEqual({ width: 10, height: 10 })
  })

  it('has no size for an SVG that scales to its container, or a broken header', async () => {
    expect(await sizeOf(svg('width="100%"'))).toBeUndefined()
    expect(await sizeOf(heif(['avif'], []))).toBeUndefined()
    expect(await sizeOf(tiff(300, 200).subarray(0, 12))).toBeUndefined()
    expect(await sizeOf(jpeg(10, 10).subarray(0, 6))).toBeUndefined()
  })
})

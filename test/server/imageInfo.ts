import { imageSize } from 'image-size'

/** An image's format and pixel size, read from its bytes. */
export interface ImageInfo {
  readonly type: string
  readonly width: number
  readonly height: number
}

/** The format and size of the image in `bytes`, or `undefined` when they are not an image. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  try {
    const { type, width, height } = imageSize(bytes)
    return type && width && height ? { type, width, height } : undefined
  } catch {
    return undefined
  }
}

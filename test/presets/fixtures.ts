import gifUrl from '../fixtures/photo.gif?url'
import jpgUrl from '../fixtures/photo.jpg?url'
import pngUrl from '../fixtures/photo.png?url'
import webpUrl from '../fixtures/photo.webp?url'
import { uniqueName } from '../support'

const urls = { png: pngUrl, jpg: jpgUrl, gif: gifUrl, webp: webpUrl }
const types = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }

/** A real 40×30 image fixture as a File with a unique name. */
export async function image(
  format: keyof typeof urls,
  name = uniqueName(`photo.${format}`),
): Promise<File> {
  const bytes = await (await fetch(urls[format])).arrayBuffer()
  return new File([bytes], name, { type: types[format] })
}

import { describe, expect, it } from 'vitest'
import { createUploader, imageOnly } from '../../src/index'
import { backofficeImages, partnerAssets, projectAssets } from '../../src/presets'

/** A 1×1 PNG whose header then claims `width` × `height`. */
function pngClaiming(width: number, height: number): File {
  const bytes = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    ),
    (char) => char.charCodeAt(0),
  )
  const view = new DataView(bytes.buffer)
  view.setUint32(16, width)
  view.setUint32(20, height)
  return new File([bytes], `huge-${width}.png`, { type: 'image/png' })
}

const codes = async (strategy: Parameters<typeof createUploader>[0]['strategy'], file: File) => {
  const { rejected } = await createUploader({ strategy }).addFiles([file])
  return rejected.flatMap((rejection) => rejection.issues.map((issue) => issue.code))
}

const empty = (name: string, type: string) => new File([], name, { type })

describe('presets refuse what their servers refuse, before any request', () => {
  it('refuses empty files in partnerAssets and projectAssets, unless the app opts in', async () => {
    const partner = partnerAssets({ token: 't' })
    const project = projectAssets({
      projectId: 'DtialUGXI36apS40-0cE',
      apiKey: 'k',
      presign: async () => ({ uploadUrl: 'https://s3.test/k', key: 'k', response: {} }),
    })
    expect(await codes(partner, empty('a.txt', 'text/plain'))).toEqual(['file-too-small'])
    expect(await codes(project, empty('b.txt', 'text/plain'))).toEqual(['file-too-small'])
    const lenient = partnerAssets({ token: 't', allowEmptyFiles: true })
    expect(await codes(lenient, empty('c.txt', 'text/plain'))).toEqual([])
  })

  it('caps images at 100 megapixels by default in imageOnly and backofficeImages', async () => {
    const plain = imageOnly({ endpoint: 'http://127.0.0.1:9/upload' })
    const preset = backofficeImages({ apiKey: 'k' })
    expect(await codes(plain, pngClaiming(100_000, 100_000))).toEqual(['image-too-large'])
    expect(await codes(preset, pngClaiming(100_000, 100_000))).toEqual(['image-too-large'])
    expect(await codes(plain, pngClaiming(4000, 3000))).toEqual([])
    const roomy = imageOnly({
      endpoint: 'http://127.0.0.1:9/upload',
      constraints: { image: { maxPixels: 20_000_000_000 } },
    })
    expect(await codes(roomy, pngClaiming(100_000, 100_000))).toEqual([])
  })
})

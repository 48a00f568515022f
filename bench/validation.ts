import { createUploader } from '../src/core/createUploader'
import { type ValidationCandidate, validateFiles } from '../src/core/validation/validator'
import { multipartForm } from '../src/strategies/multipartForm'

const png = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
)
const csv = new TextEncoder().encode('name,amount\nÅse,12.50\nBo,3\n')
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n')

/** `count` small files, a third each PNG, CSV and PDF, all valid. */
export function makeFiles(count: number): File[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = index % 3
    if (kind === 0)
      return new File([png], `photo-${index}.png`, { type: 'image/png', lastModified: index })
    if (kind === 1)
      return new File([csv], `table-${index}.csv`, { type: 'text/csv', lastModified: index })
    return new File([pdf], `report-${index}.pdf`, { type: 'application/pdf', lastModified: index })
  })
}

const constraints = {
  allowedTypes: ['image/*', 'application/pdf', 'text/csv'],
  maxFileSize: 10_000_000,
  minFileSize: 1,
  maxNameLength: 255,
  image: { maxWidth: 10_000, maxHeight: 10_000 },
}

/** Milliseconds to validate `count` files with content checks, `runs` times. */
export async function validation(count: number, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const candidates: ValidationCandidate[] = makeFiles(count).map((file, index) => ({
      id: `f${index}`,
      file,
    }))
    const start = performance.now()
    const outcome = await validateFiles(candidates, { count: 0, bytes: 0, keys: new Set() }, [
      constraints,
    ])
    times.push(performance.now() - start)
    if (outcome.accepted.length !== count)
      throw new Error(`only ${outcome.accepted.length} of ${count} accepted`)
  }
  return times
}

/** Milliseconds for `uploader.addFiles` (validation, then Uppy's own `addFiles`), `runs` times. */
export async function uploaderAddFiles(count: number, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const uploader = createUploader({
      strategy: multipartForm({ endpoint: 'http://127.0.0.1:9/' }),
      constraints,
    })
    const files = makeFiles(count)
    const start = performance.now()
    const { added } = await uploader.addFiles(files)
    times.push(performance.now() - start)
    uploader.destroy()
    if (added.length !== count) throw new Error(`only ${added.length} of ${count} added`)
  }
  return times
}

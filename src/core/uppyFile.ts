import type { UppyFile } from '@uppy/core'
import type { FileInfo } from './asset'
import type { AssetBody, AssetMeta } from './strategy'

/** The widget's view of an Uppy file, with the metadata meant for the server. */
export function fileInfo(file: UppyFile<AssetMeta, AssetBody>): FileInfo {
  const meta: Record<string, string | readonly string[]> = {}
  for (const [key, value] of Object.entries(file.meta)) {
    if (key === 'name' || key === 'type' || key === 'relativePath') continue
    if (
      typeof value === 'string' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    ) {
      meta[key] = value as string | readonly string[]
    }
  }
  return {
    id: file.id,
    name: file.meta.name || file.name || '',
    type: file.meta.type || file.type || '',
    size: file.size ?? 0,
    ...(Object.keys(meta).length > 0 && { meta }),
  }
}

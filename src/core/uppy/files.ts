import type { FileInfo } from '../asset'
import type { AssetUppyFile } from './types'

/**
 * The widget's view of an Uppy file, with the metadata meant for the server. The Uppy file's id
 * is the widget's id for the file: one id everywhere a strategy or an app sees a file.
 */
export function fileInfo(file: AssetUppyFile): FileInfo {
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

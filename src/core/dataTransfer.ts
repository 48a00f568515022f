import type { FileSource } from './uploader/types'

/**
 * The files in a drop or paste, with folders walked (each file keeps its path inside the
 * folder). Call it during the event: browsers empty `dataTransfer` once the handler returns.
 */
export function filesFromDataTransfer(dataTransfer: DataTransfer): Promise<FileSource[]> {
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === 'file')
  // Entries must be taken now, while the event lasts; reading them can happen later.
  const entries = items.map((item) => ({
    entry: item.webkitGetAsEntry?.() ?? null,
    file: item.getAsFile(),
  }))
  if (entries.every(({ entry }) => !entry?.isDirectory)) {
    const files = entries.map(({ file }) => file).filter((file): file is File => file !== null)
    return Promise.resolve(files.length > 0 ? files : Array.from(dataTransfer.files ?? []))
  }
  return Promise.all(
    entries.map(({ entry, file }) =>
      entry?.isDirectory
        ? readDirectory(entry as FileSystemDirectoryEntry)
        : Promise.resolve(file ? [file] : []),
    ),
  ).then((lists) => lists.flat())
}

/**
 * A folder's files, however deep. A file or folder the browser can't give (no permission, gone
 * since the drop) becomes one unreadable source of its own, so the rest of the drop goes on.
 */
async function readDirectory(directory: FileSystemDirectoryEntry): Promise<FileSource[]> {
  const sources: FileSource[] = []
  const reader = directory.createReader()
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    ).catch(() => undefined)
    if (!batch) return [...sources, unreadable(directory)]
    if (batch.length === 0) return sources
    for (const entry of batch) {
      if (entry.isDirectory) {
        sources.push(...(await readDirectory(entry as FileSystemDirectoryEntry)))
      } else {
        const file = await new Promise<File>((resolve, reject) =>
          (entry as FileSystemFileEntry).file(resolve, reject),
        ).catch(() => undefined)
        sources.push(file ? { file, relativePath: pathOf(entry) } : unreadable(entry))
      }
    }
  }
}

const pathOf = (entry: FileSystemEntry) => entry.fullPath.replace(/^\//, '')

function unreadable(entry: FileSystemEntry): FileSource {
  return { file: new File([], entry.name), relativePath: pathOf(entry), unreadable: true }
}

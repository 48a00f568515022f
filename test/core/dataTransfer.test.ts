import { describe, expect, it } from 'vitest'
import { filesFromDataTransfer } from '../../src/core/dataTransfer'

// Browsers give folder entries only to real drops; these stand-ins follow the same API.
function fileEntry(path: string, file: File) {
  return {
    isFile: true,
    isDirectory: false,
    fullPath: path,
    file: (resolve: (file: File) => void) => resolve(file),
  }
}

function directoryEntry(path: string, children: object[]) {
  return {
    isFile: false,
    isDirectory: true,
    fullPath: path,
    createReader: () => {
      // readEntries answers in batches, then with an empty one.
      const batches = [children.slice(0, 2), children.slice(2), []]
      return {
        readEntries: (resolve: (entries: object[]) => void) => resolve(batches.shift() ?? []),
      }
    },
  }
}

function dataTransferOf(items: { entry: object | null; file: File | null }[]): DataTransfer {
  return {
    items: items.map(({ entry, file }) => ({
      kind: 'file',
      webkitGetAsEntry: () => entry,
      getAsFile: () => file,
    })),
    files: items.flatMap(({ file }) => (file ? [file] : [])),
  } as unknown as DataTransfer
}

const file = (name: string) => new File(['x'], name)

describe('filesFromDataTransfer', () => {
  it('walks dropped folders, keeping each file’s path inside them', async () => {
    const [a, b, c, d] = [file('a.png'), file('b.pdf'), file('c.csv'), file('loose.txt')]
    const folder = directoryEntry('/photos', [
      fileEntry('/photos/a.png', a),
      directoryEntry('/photos/2026', [
        fileEntry('/photos/2026/b.pdf', b),
        fileEntry('/photos/2026/c.csv', c),
      ]),
    ])
    const sources = await filesFromDataTransfer(
      dataTransferOf([
        { entry: folder, file: null },
        { entry: fileEntry('/loose.txt', d), file: d },
      ]),
    )
    expect(sources).toEqual([
      { file: a, relativePath: 'photos/a.png' },
      { file: b, relativePath: 'photos/2026/b.pdf' },
      { file: c, relativePath: 'photos/2026/c.csv' },
      d,
    ])
  })

  it('refuses a file or folder the browser cannot give on its own, and walks the rest', async () => {
    const [a, b] = [file('a.png'), file('b.pdf')]
    const locked = {
      isFile: true,
      isDirectory: false,
      name: 'locked.pdf',
      fullPath: '/photos/locked.pdf',
      file: (_: unknown, fail: (error: DOMException) => void) =>
        fail(new DOMException('A requested file could not be read', 'NotReadableError')),
    }
    const denied = {
      isFile: false,
      isDirectory: true,
      name: 'private',
      fullPath: '/photos/private',
      createReader: () => ({
        readEntries: (_: unknown, fail: (error: DOMException) => void) =>
          fail(new DOMException('Permission denied', 'NotReadableError')),
      }),
    }
    const folder = directoryEntry('/photos', [
      fileEntry('/photos/a.png', a),
      locked,
      denied,
      fileEntry('/photos/b.pdf', b),
    ])
    const sources = await filesFromDataTransfer(dataTransferOf([{ entry: folder, file: null }]))
    expect(sources).toEqual([
      { file: a, relativePath: 'photos/a.png' },
      { file: expect.any(File), relativePath: 'photos/locked.pdf', unreadable: true },
      { file: expect.any(File), relativePath: 'photos/private', unreadable: true },
      { file: b, relativePath: 'photos/b.pdf' },
    ])
    expect(sources.map((source) => ('file' in source ? source.file.name : ''))).toEqual([
      'a.png',
      'locked.pdf',
      'private',
      'b.pdf',
    ])
  })

  it('takes plain files as they are', async () => {
    const [a, b] = [file('a.png'), file('b.png')]
    expect(
      await filesFromDataTransfer(
        dataTransferOf([
          { entry: null, file: a },
          { entry: null, file: b },
        ]),
      ),
    ).toEqual([a, b])
  })
})

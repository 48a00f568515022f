import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AssetRecord } from '../../src/core/asset'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { multipartForm } from '../../src/strategies/multipartForm'
import { rawBody } from '../../src/strategies/rawBody'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import { pdfFile, referenceUrl, uniqueName, uploadAll } from '../support'
import { spyOnNetwork } from '../validation/networkSpy'

afterEach(cleanup)

// Browsers give folder entries only to real drops; these stand-ins follow the same API.
function fileEntry(path: string, file: File) {
  return {
    isFile: true,
    isDirectory: false,
    fullPath: path,
    file: (done: (f: File) => void) => done(file),
  }
}
function folderEntry(path: string, children: object[]) {
  return {
    isFile: false,
    isDirectory: true,
    fullPath: path,
    createReader: () => {
      const batches = [children, []]
      return { readEntries: (done: (entries: object[]) => void) => done(batches.shift() ?? []) }
    },
  }
}

/** Drops `entries` on `target` as a folder drop: a real DragEvent whose items are the entries. */
function dropEntries(target: Element, entries: { entry: object; file: File | null }[]) {
  const dataTransfer = {
    items: entries.map(({ entry, file }) => ({
      kind: 'file',
      webkitGetAsEntry: () => entry,
      getAsFile: () => file,
    })),
    files: entries.flatMap(({ file }) => (file ? [file] : [])),
    dropEffect: 'none',
  }
  for (const type of ['dragenter', 'dragover', 'drop']) {
    const event = new DragEvent(type, { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer })
    target.dispatchEvent(event)
  }
}

const strategy = () =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${c.partnerToken}` },
    relativePathField: 'path',
  })

/** Renders a widget that uploads what is dropped at once; returns the records as they arrive. */
function renderUploading(): AssetRecord[] {
  const assets: AssetRecord[] = []
  render(
    <AssetDropzone
      strategy={strategy()}
      autoUpload
      onAssetUploaded={({ asset }) => assets.push(asset)}
    />,
  )
  return assets
}

const rowOf = (name: string) =>
  within(screen.getByRole('list', { name: 'Files' }))
    .getByText(name)
    .closest('li') as HTMLElement

describe('folders', () => {
  it('keeps each dropped file’s path (shown, sent, in the record) and ignores operating-system files', async () => {
    const photo = new File([await (await image('png')).arrayBuffer()], uniqueName('a.png'), {
      type: 'image/png',
    })
    const report = pdfFile(uniqueName('b.pdf'), 800)
    const loose = pdfFile(uniqueName('loose.pdf'), 400)
    const junk = [
      new File(['x'], '.DS_Store'),
      new File(['x'], 'Thumbs.db'),
      new File(['x'], 'desktop.ini'),
      new File(['x'], `._${photo.name}`),
    ]
    const folder = folderEntry('/photos', [
      fileEntry(`/photos/${photo.name}`, photo),
      fileEntry('/photos/.DS_Store', junk[0] as File),
      folderEntry('/photos/2026', [
        fileEntry(`/photos/2026/${report.name}`, report),
        fileEntry('/photos/2026/Thumbs.db', junk[1] as File),
        fileEntry('/photos/2026/desktop.ini', junk[2] as File),
      ]),
      folderEntry('/photos/__MACOSX', [fileEntry(`/photos/__MACOSX/${photo.name}`, photo)]),
      fileEntry(`/photos/${(junk[3] as File).name}`, junk[3] as File),
    ])
    const assets = renderUploading()
    const spy = spyOnNetwork()
    dropEntries(screen.getByText(/drop files here/i).closest('div') as HTMLElement, [
      { entry: folder, file: null },
      { entry: fileEntry(`/${loose.name}`, loose), file: loose },
    ])
    await waitFor(() => expect(assets).toHaveLength(3))
    spy.stop()

    const list = screen.getByRole('list', { name: 'Files' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(3)
    expect(list.textContent).not.toMatch(/DS_Store|Thumbs|desktop\.ini|\._/)
    expect(rowOf(photo.name).textContent).toContain(`photos/${photo.name}`)
    expect(rowOf(report.name).textContent).toContain(`photos/2026/${report.name}`)

    const byName = Object.fromEntries(assets.map((asset) => [asset.name, asset]))
    expect(byName[photo.name]?.relativePath).toBe(`photos/${photo.name}`)
    expect(byName[report.name]?.relativePath).toBe(`photos/2026/${report.name}`)
    // A file dropped beside the folder came in none: no path, none sent.
    expect(byName[loose.name]?.relativePath).toBeUndefined()

    const sentPaths = spy.requests.flatMap((request) => request.fields.path ?? []).sort()
    expect(sentPaths).toEqual([`photos/${photo.name}`, `photos/2026/${report.name}`].sort())
  })

  it('offers a folder picker when asked, and keeps the paths it gives', async () => {
    render(<AssetDropzone strategy={strategy()} folders />)
    const button = screen.getByRole('button', { name: 'Choose a folder' })
    expect(button).toBeTruthy()
    const input = document.querySelector('input[webkitdirectory]') as HTMLInputElement
    expect(input).toBeTruthy()
    const chosen = pdfFile(uniqueName('c.pdf'), 300)
    Object.defineProperty(chosen, 'webkitRelativePath', { value: `scans/${chosen.name}` })
    const ds = new File(['x'], '.DS_Store')
    Object.defineProperty(ds, 'webkitRelativePath', { value: 'scans/.DS_Store' })
    const data = new DataTransfer()
    data.items.add(chosen)
    data.items.add(ds)
    Object.defineProperty(input, 'files', { value: [chosen, ds], configurable: true })
    input.dispatchEvent(new Event('change', { bubbles: true }))
    await waitFor(() => expect(rowOf(chosen.name).textContent).toContain(`scans/${chosen.name}`))
    expect(
      within(screen.getByRole('list', { name: 'Files' })).getAllByRole('listitem'),
    ).toHaveLength(1)
  })

  it('sends the path in a header for raw body, and takes system files when the app keeps them', async () => {
    const spy = spyOnNetwork()
    const file = pdfFile(uniqueName('Übersicht.pdf'), 200)
    const ds = new File(['x'], '.DS_Store', { type: 'application/octet-stream' })
    const { assets, added } = await uploadAll(
      rawBody({
        endpoint: `${referenceUrl}/v1/uploads`,
        headers: { 'x-api-key': c.indreamApiKey },
        relativePathHeader: 'x-relative-path',
      }),
      [
        { file, relativePath: `März/${file.name}` },
        { file: ds, relativePath: 'März/.DS_Store' },
      ],
      { keepSystemFiles: true },
    )
    spy.stop()
    expect(added.added.map((f) => f.name)).toEqual([file.name, '.DS_Store'])
    expect(assets[0]?.relativePath).toBe(`März/${file.name}`)
    const sent = spy.requests.find(
      (request) => request.fileNames.includes(file.name) || request.headers['x-file-name'],
    )
    expect(sent?.headers['x-relative-path']).toBe(`M%C3%A4rz/${encodeURIComponent(file.name)}`)
  })
  it('refuses a file of a dropped folder that cannot be read on its own; the rest of the drop uploads', async () => {
    const report = pdfFile(uniqueName('report.pdf'), 800)
    const lockedName = uniqueName('locked.pdf')
    const locked = {
      isFile: true,
      isDirectory: false,
      name: lockedName,
      fullPath: `/docs/${lockedName}`,
      file: (_: unknown, fail: (error: DOMException) => void) =>
        fail(new DOMException('A requested file could not be read', 'NotReadableError')),
    }
    const folder = folderEntry('/docs', [locked, fileEntry(`/docs/${report.name}`, report)])
    const assets = renderUploading()
    dropEntries(screen.getByText(/drop files here/i).closest('div') as HTMLElement, [
      { entry: folder, file: null },
    ])
    await waitFor(() => expect(assets.map((asset) => asset.name)).toEqual([report.name]))
    expect(within(rowOf(lockedName)).getByText('Not allowed')).toBeTruthy()
    expect(rowOf(lockedName).textContent).toContain('could not be read')
    expect(rowOf(lockedName).textContent).toContain(`docs/${lockedName}`)
  })
})

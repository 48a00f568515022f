import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AssetRecord } from '../../src/core/asset'
import type { FileRejection } from '../../src/core/constraints'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import { multipartForm } from '../../src/strategies/multipartForm'
import { demoCredentials } from '../server/demo'
import { pasteEvent, pdfFile, referenceUrl, requestsLabelled, uniqueName } from '../support'
import { badFiles, dropConstraints, goodFiles, loadFixtures } from './badFiles'
import { spyOnNetwork } from './networkSpy'

afterEach(cleanup)

const strategy = () =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${demoCredentials.partnerToken}` },
  })

function drop(files: File[]) {
  const target = screen.getByLabelText('Uppy Dashboard')
  const dataTransfer = new DataTransfer()
  for (const file of files) dataTransfer.items.add(file)
  target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }))
  target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }))
}

function renderWidget(constraints: object) {
  const rejections: FileRejection[] = []
  const assets: AssetRecord[] = []
  render(
    <AssetUploader
      strategy={strategy()}
      constraints={constraints}
      autoUpload
      onFileRejected={(rejection) => rejections.push(rejection)}
      onAssetUploaded={({ asset }) => assets.push(asset)}
    />,
  )
  return { rejections, assets }
}

const codesOf = (rejection: FileRejection | undefined) =>
  rejection?.issues.map((issue) => issue.code)

describe('validation in the browser, before a single byte is sent', () => {
  it('refuses each bad file in a drop with its code, sends none of its bytes, and uploads the valid files beside them', async () => {
    const fixtures = await loadFixtures()
    const bad = await badFiles(fixtures)
    const good = goodFiles(fixtures, Math.random().toString(36).slice(2, 8))
    const [first, second] = good as [File, File]
    const copyOfSecond = new File([second], second.name, {
      type: second.type,
      lastModified: second.lastModified,
    })
    const dropped = [
      ...good.slice(0, 5),
      ...bad.map((entry) => entry.file),
      first,
      ...good.slice(5),
      copyOfSecond,
    ]

    const spy = spyOnNetwork()
    try {
      const { rejections, assets } = renderWidget(dropConstraints)
      drop(dropped)
      await waitFor(() => expect(assets).toHaveLength(good.length))
      await waitFor(() => expect(rejections).toHaveLength(bad.length + 2))

      for (const { file, code } of bad) {
        const rejection = rejections.find((candidate) => candidate.file.name === file.name)
        expect(codesOf(rejection), file.name).toContain(code)
      }
      const duplicates = rejections.filter((rejection) => codesOf(rejection)?.includes('duplicate'))
      expect(duplicates.map((rejection) => rejection.file.name)).toEqual([first.name, second.name])

      const sent = spy.requests.filter((request) => request.fileNames.length > 0)
      expect(sent.flatMap((request) => request.fileNames).sort()).toEqual(
        good.map((file) => file.name).sort(),
      )
      const goodBytes = good.reduce((sum, file) => sum + file.size, 0)
      expect(sent.reduce((sum, request) => sum + request.fileBytes, 0)).toBe(goodBytes)
      expect(spy.requests).toHaveLength(good.length)
      for (const { file } of bad) expect(await requestsLabelled(file.name)).toEqual([])

      const problems = screen.getByRole('list', { name: 'Files with problems' })
      for (const { file } of bad) expect(problems.textContent).toContain(file.name)
    } finally {
      spy.stop()
    }
    expect(dropped.length - good.length).toBeGreaterThanOrEqual(58)
  }, 40_000)

  it('refuses files over the count and total limits in drop order, and files dropped again', async () => {
    const name = (base: string) => uniqueName(base)
    const files = {
      a: pdfFile(name('a.pdf'), 1000),
      b: pdfFile(name('b.pdf'), 1000),
      c: pdfFile(name('c.pdf'), 4000),
      d: pdfFile(name('d.pdf'), 1000),
      e: pdfFile(name('e.pdf'), 1000),
      f: pdfFile(name('f.pdf'), 1000),
      g: pdfFile(name('g.pdf'), 10),
    }
    const spy = spyOnNetwork()
    try {
      const { rejections, assets } = renderWidget({ maxFiles: 4, maxTotalSize: 5000 })
      drop(Object.values(files))
      await waitFor(() => expect(assets).toHaveLength(4))
      // Uploads run side by side and finish in any order; which files were accepted is what counts.
      expect(assets.map((asset) => asset.name).sort()).toEqual(
        [files.a, files.b, files.d, files.e].map((file) => file.name).sort(),
      )
      expect(rejections.map((rejection) => [rejection.file.name, codesOf(rejection)])).toEqual([
        [files.c.name, ['total-too-large']],
        [files.f.name, ['too-many-files']],
        [files.g.name, ['too-many-files']],
      ])

      const late = pdfFile(name('late.pdf'), 10)
      drop([late, files.a])
      await waitFor(() => expect(rejections).toHaveLength(5))
      expect(
        rejections.slice(3).map((rejection) => [rejection.file.name, codesOf(rejection)]),
      ).toEqual([
        [late.name, ['too-many-files']],
        [files.a.name, ['duplicate']],
      ])
      expect(spy.requests.flatMap((request) => request.fileNames).sort()).toEqual(
        [files.a, files.b, files.d, files.e].map((file) => file.name).sort(),
      )
    } finally {
      spy.stop()
    }
  })

  it('validates pasted files the same way', async () => {
    const fixtures = await loadFixtures()
    const good = new File([fixtures.png], uniqueName('pasted.png'), { type: 'image/png' })
    const bad = new File([fixtures.png], uniqueName('pasted.pdf'), { type: 'application/pdf' })
    const { rejections, assets } = renderWidget(dropConstraints)
    const clipboardData = new DataTransfer()
    clipboardData.items.add(good)
    clipboardData.items.add(bad)
    screen.getByLabelText('Uppy Dashboard').dispatchEvent(pasteEvent(clipboardData))

    await waitFor(() => expect(assets.map((asset) => asset.name)).toEqual([good.name]))
    expect(rejections.map((rejection) => [rejection.file.name, codesOf(rejection)])).toEqual([
      [bad.name, ['content-mismatch']],
    ])
    expect(await requestsLabelled(bad.name)).toEqual([])
  })
})

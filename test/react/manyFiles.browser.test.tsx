import { cleanup, render, screen, within } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, it } from 'vitest'
import type { UploadItem } from '../../src/core/uploader/store'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import '../../src/styles.css'
import { frozenUploader } from '../../stories/frozenUploader'
import { untilSettled } from '../support'

afterEach(cleanup)

/**
 * Renders `<AssetDropzone>` over an uploader frozen with `items` and nothing uploading, under
 * StrictMode, whose extra effect runs are where observers tend to get lost.
 */
function showList(items: UploadItem[]) {
  const uploader = frozenUploader({
    items,
    status: 'idle',
    online: true,
    bytesUploaded: 0,
    bytesTotal: 0,
  })
  render(
    <StrictMode>
      <AssetDropzone strategy={partnerAssets({ token: 't' })} uploader={uploader} />
    </StrictMode>,
  )
}

it('renders only the rows in view of 10,000 files, and scrolls to the last', async () => {
  const items: UploadItem[] = Array.from({ length: 10_000 }, (_, index) => ({
    id: `f${index}`,
    name: `file-${index + 1}.pdf`,
    type: 'application/pdf',
    size: 1000 + index,
    status: 'queued',
  }))
  showList(items)

  const list = screen.getByRole('list', { name: 'Files' })
  await untilSettled(() => expect(within(list).getByText('file-1.pdf')).toBeTruthy())
  const rows = within(list).getAllByRole('listitem')
  expect(rows.length).toBeLessThan(40)
  expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000')

  const scroller = list.parentElement as HTMLElement
  // Rows measured as they render may differ from the estimate, moving the end: keep scrolling
  // to it, as a user would.
  await untilSettled(() => {
    scroller.scrollTop = scroller.scrollHeight
    expect(within(list).getByText('file-10000.pdf')).toBeTruthy()
  })
  expect(
    within(list).getByText('file-10000.pdf').closest('li')?.getAttribute('aria-posinset'),
  ).toBe('10000')
  expect(within(list).getAllByRole('listitem').length).toBeLessThan(40)
})

it('lays out rows of different heights without overlap, measured as they render', async () => {
  const reason = 'This file is not a PDF, whatever its name says. '.repeat(6)
  const items: UploadItem[] = Array.from({ length: 2000 }, (_, index) =>
    index % 3 === 0
      ? {
          id: `f${index}`,
          name: `file-${index + 1}.pdf`,
          type: 'application/pdf',
          size: 1000,
          status: 'rejected',
          issues: [{ code: 'content-mismatch', message: reason, params: {} }],
        }
      : {
          id: `f${index}`,
          name: `file-${index + 1}.pdf`,
          type: 'application/pdf',
          size: 1000,
          status: 'queued',
        },
  )
  showList(items)
  const list = screen.getByRole('list', { name: 'Files' })
  const scroller = list.parentElement as HTMLElement
  const noOverlap = () => {
    const boxes = within(list)
      .getAllByRole('listitem')
      .map((row) => row.getBoundingClientRect())
      .sort((a, b) => a.top - b.top)
    for (let index = 1; index < boxes.length; index += 1) {
      expect(boxes[index]?.top).toBeGreaterThanOrEqual((boxes[index - 1]?.bottom ?? 0) - 0.5)
    }
  }
  await untilSettled(noOverlap)
  scroller.scrollTop = scroller.scrollHeight / 2
  await untilSettled(noOverlap)
  scroller.scrollTop = scroller.scrollHeight
  await untilSettled(() => expect(within(list).getByText('file-2000.pdf')).toBeTruthy())
  await untilSettled(noOverlap)
})

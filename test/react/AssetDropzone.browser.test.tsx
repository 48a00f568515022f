import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { AssetRecord } from '../../src/core/asset'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { projectAssets } from '../../src/presets/projectAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { multipartForm } from '../../src/strategies/multipartForm'
import { image } from '../presets/fixtures'
import { demoCredentials } from '../server/demo'
import {
  addFault,
  appPresign,
  pasteEvent,
  pdfFile,
  referenceUrl,
  requestsLabelled,
  uniqueName,
} from '../support'
import '../../src/styles.css'

afterEach(cleanup)

const strategy = (
  token: () => string = () => demoCredentials.partnerToken,
  options: { allowEmptyFiles?: boolean } = {},
) => partnerAssets({ token, apiBase: referenceUrl, ...options })

function transfer(files: File[]) {
  const data = new DataTransfer()
  for (const file of files) data.items.add(file)
  return data
}

function drop(target: Element, files: File[]) {
  const dataTransfer = transfer(files)
  target.dispatchEvent(
    new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer }),
  )
  target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }))
  target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }))
}

const dropArea = () => screen.getByText(/drop files here/i).closest('div') as HTMLElement
const row = (name: string) =>
  within(screen.getByRole('list', { name: 'Files' }))
    .getByText(name)
    .closest('li') as HTMLElement
const liveRegion = () => screen.getByRole('status')

describe('<AssetDropzone>', () => {
  it('lists dropped files with their status and reason, uploads on request, and announces each step', async () => {
    render(<AssetDropzone strategy={strategy()} />)
    const good = await image('png')
    const renamed = new File([pdfFile('x.pdf', 500)], uniqueName('fake.png'), { type: 'image/png' })
    drop(dropArea(), [good, renamed])

    await waitFor(() => expect(within(row(good.name)).getByText('Ready')).toBeTruthy())
    expect(within(row(renamed.name)).getByText('Not allowed')).toBeTruthy()
    expect(row(renamed.name).textContent).toContain('is named as PNG but its content is PDF')
    await waitFor(() => expect(liveRegion().textContent).toMatch(/1 file added|was not added/))

    await userEvent.click(screen.getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(within(row(good.name)).getByText('Uploaded')).toBeTruthy())
    expect(within(row(good.name)).getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
      '100',
    )
    await waitFor(() => expect(liveRegion().textContent).toContain('Upload complete: 1 uploaded'))
    const link = within(screen.getByRole('list', { name: 'Uploaded assets' })).getByRole('link', {
      name: good.name,
    })
    expect(link.getAttribute('href')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/partner\/asset\//,
    )
    expect(await requestsLabelled(renamed.name)).toEqual([])
  })

  it('works by keyboard alone: Tab reaches the chooser, and Enter uploads what was picked', async () => {
    render(<AssetDropzone strategy={strategy()} />)
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose files' }))
    const file = await image('gif')
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    expect(input.tabIndex).toBe(-1)
    await userEvent.upload(input, file)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Upload 1 file' })).toBeTruthy())
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Remove ${file.name}` }))
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Upload 1 file' }))
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(within(row(file.name)).getByText('Uploaded')).toBeTruthy())
  })

  it('takes pasted files', async () => {
    render(<AssetDropzone strategy={strategy()} autoUpload />)
    const file = await image('webp')
    dropArea().dispatchEvent(pasteEvent(transfer([file])))
    await waitFor(() => expect(within(row(file.name)).getByText('Uploaded')).toBeTruthy())
  })

  it('moves focus to the next file when one is removed', async () => {
    render(<AssetDropzone strategy={strategy()} />)
    const [first, second] = [await image('png'), await image('jpg')]
    drop(dropArea(), [first, second])
    await waitFor(() => expect(screen.getByRole('button', { name: 'Upload 2 files' })).toBeTruthy())
    await userEvent.click(screen.getByRole('button', { name: `Remove ${first.name}` }))
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: `Remove ${second.name}` }),
      ),
    )
    expect(within(screen.getByRole('list', { name: 'Files' })).queryByText(first.name)).toBeNull()
  })

  it('shows upload errors in the app’s own messages, in the row and the live region', async () => {
    const german = {
      rejected: 'Der Server hat die Datei abgelehnt',
      'file-too-large': 'Die Datei ist zu groß',
    }
    render(
      <AssetDropzone
        // Empty files reach the server, which refuses them with 422.
        strategy={strategy(undefined, { allowEmptyFiles: true })}
        messages={german}
        constraints={{ maxFileSize: 5000 }}
        autoUpload
      />,
    )
    // The partner API refuses an empty file with 422.
    const empty = new File([], uniqueName('leer.txt'), { type: 'text/plain' })
    const big = pdfFile(uniqueName('gross.pdf'), 6000)
    drop(dropArea(), [empty, big])
    await waitFor(() => expect(within(row(empty.name)).getByText('Failed')).toBeTruthy())
    expect(row(empty.name).textContent).toContain(
      'Der Server hat die Datei abgelehnt: File is empty',
    )
    expect(row(empty.name).textContent).not.toContain('The server refused')
    expect(row(big.name).textContent).toContain('Die Datei ist zu groß')
    await waitFor(() =>
      expect(liveRegion().textContent).toContain(
        `${empty.name} failed to upload: Der Server hat die Datei abgelehnt`,
      ),
    )
  })

  it('shows why an upload failed and uploads it again on retry', async () => {
    let token = 'wrong-token-value'
    render(<AssetDropzone strategy={strategy(() => token)} autoUpload />)
    const file = await image('png')
    drop(dropArea(), [file])
    await waitFor(() => expect(within(row(file.name)).getByText('Failed')).toBeTruthy())
    expect(row(file.name).textContent).toContain('Not signed in, or the credentials were refused')
    expect(liveRegion().textContent).toContain(`${file.name} failed to upload`)

    token = demoCredentials.partnerToken
    await userEvent.click(screen.getByRole('button', { name: `Retry ${file.name}` }))
    await waitFor(() => expect(within(row(file.name)).getByText('Uploaded')).toBeTruthy())
  })

  it('tells the end user when a refused upload will be tried again, counting down', async () => {
    const file = await image('png')
    await addFault({
      match: { path: '/partner/asset/upload/', header: ['x-file', file.name] },
      action: {
        kind: 'respond',
        status: 503,
        body: '{"message":"down for a moment"}',
        headers: { 'retry-after': '3' },
      },
    })
    const tagged = multipartForm({
      endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
      headers: {
        authorization: `Bearer ${demoCredentials.partnerToken}`,
        'x-file': file.name,
      },
    })
    render(<AssetDropzone strategy={tagged} autoUpload retry={{ delay: 50 }} />)
    drop(dropArea(), [file])
    await waitFor(() => expect(row(file.name).textContent).toMatch(/Retrying in [23] s/))
    expect(row(file.name).textContent).toContain('down for a moment')
    await waitFor(() => expect(row(file.name).textContent).toMatch(/Retrying in [12] s/))
    await waitFor(() => expect(within(row(file.name)).getByText('Uploaded')).toBeTruthy())
  })

  it('says when it is offline, and what waits for the connection', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    try {
      render(<AssetDropzone strategy={strategy()} autoUpload />)
      window.dispatchEvent(new Event('offline'))
      const file = await image('png')
      drop(dropArea(), [file])
      await waitFor(() =>
        expect(within(row(file.name)).getByText('Waiting for the connection')).toBeTruthy(),
      )
      expect(screen.getByText(/You are offline/)).toBeTruthy()
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
      window.dispatchEvent(new Event('online'))
    }
    const name = screen.getByRole('list', { name: 'Files' }).textContent ?? ''
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Files' }).textContent).toContain('Uploaded'),
    )
    expect(name).not.toContain('Uploaded')
    expect(screen.queryByText(/You are offline/)).toBeNull()
  })

  it('lets the end user edit the metadata a strategy takes, before upload', async () => {
    const records: AssetRecord[] = []
    const preset = projectAssets({
      projectId: demoCredentials.projectId,
      apiKey: demoCredentials.projectApiKey,
      apiBase: referenceUrl,
      presign: appPresign,
    })
    render(<AssetDropzone strategy={preset} onAssetUploaded={({ asset }) => records.push(asset)} />)
    const file = await image('jpg')
    drop(dropArea(), [file])
    const title = await within(await waitFor(() => row(file.name))).findByRole('textbox', {
      name: 'Title',
    })
    expect((title as HTMLInputElement).value).toBe(file.name.replace(/\.jpg$/, ''))
    await userEvent.clear(title)
    await userEvent.type(title, 'Lighthouse')
    await userEvent.type(
      within(row(file.name)).getByRole('textbox', { name: 'Tags' }),
      'coast, night',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(records).toHaveLength(1))
    expect(records[0]?.response).toMatchObject({
      asset: { title: 'Lighthouse', tags: ['coast', 'night'] },
    })
  })

  it('checks each drop against the props it renders with now: limits and autoUpload changed since it mounted apply', async () => {
    const props = { strategy: strategy() }
    const { rerender } = render(<AssetDropzone {...props} constraints={{ maxFileSize: 300 }} />)
    const first = pdfFile(uniqueName('first.pdf'), 500)
    drop(dropArea(), [first])
    await waitFor(() => expect(within(row(first.name)).getByText('Not allowed')).toBeTruthy())

    // The app raises the limit and turns autoUpload on, as a plan upgrade or a setting would.
    rerender(<AssetDropzone {...props} constraints={{ maxFileSize: 1000 }} autoUpload />)
    const second = pdfFile(uniqueName('second.pdf'), 500)
    drop(dropArea(), [second])
    await waitFor(() => expect(within(row(second.name)).getByText('Uploaded')).toBeTruthy())

    // And a limit lowered again refuses what the new one does not allow.
    rerender(<AssetDropzone {...props} constraints={{ maxFileSize: 100 }} />)
    const third = pdfFile(uniqueName('third.pdf'), 500)
    drop(dropArea(), [third])
    await waitFor(() => expect(within(row(third.name)).getByText('Not allowed')).toBeTruthy())
    expect(row(third.name).textContent).toContain('larger than 100 B')
  })
})

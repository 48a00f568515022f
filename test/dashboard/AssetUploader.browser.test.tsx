import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { AssetRecord } from '../../src/core/asset'
import type { UploadStrategy } from '../../src/core/strategy'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import { multipartForm } from '../../src/strategies/multipartForm'
import { demoCredentials } from '../server/demo'
import {
  bytesOf,
  pdfFile,
  pngFile,
  referenceUrl,
  requestsLabelled,
  storedBytes,
  uniqueName,
} from '../support'

afterEach(cleanup)

function partnerStrategy(): UploadStrategy {
  return multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: async () => ({ authorization: `Bearer ${demoCredentials.partnerToken}` }),
  })
}

function dashboardInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input.uppy-Dashboard-input')
  if (!input) throw new Error('The Dashboard has no file input')
  return input
}

function drop(target: Element, files: File[]) {
  const dataTransfer = new DataTransfer()
  for (const file of files) dataTransfer.items.add(file)
  target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }))
  target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }))
}

describe('<AssetUploader>', () => {
  it('uploads a chosen file to the backend under StrictMode and shows its asset record', async () => {
    const onAssetUploaded = vi.fn<(event: { asset: AssetRecord }) => void>()
    const install = vi.fn()
    const base = partnerStrategy()
    const strategy: UploadStrategy = {
      ...base,
      install(uppy) {
        install()
        return base.install(uppy)
      },
    }
    render(
      <StrictMode>
        <AssetUploader strategy={strategy} onAssetUploaded={onAssetUploaded} />
      </StrictMode>,
    )
    const file = pngFile()
    await userEvent.upload(dashboardInput(), file)
    await userEvent.click(await screen.findByRole('button', { name: /upload 1 file/i }))

    const assets = await screen.findByRole('list', { name: 'Uploaded assets' })
    const link = await within(assets).findByRole('link', { name: file.name })
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await storedBytes(link.getAttribute('href') ?? '')).toEqual(await bytesOf(file))
    expect(onAssetUploaded).toHaveBeenCalledTimes(1)
    expect(onAssetUploaded.mock.calls[0]?.[0].asset).toMatchObject({
      name: file.name,
      url: link.getAttribute('href'),
      access: 'public',
    })
    expect(install).toHaveBeenCalledTimes(1)
  })

  it('uploads files dropped onto the Dashboard', async () => {
    render(<AssetUploader strategy={partnerStrategy()} autoUpload />)
    const files = [pngFile(), pdfFile(uniqueName('notes.pdf'), 2048)]
    drop(await screen.findByLabelText('Uppy Dashboard'), files)

    const assets = await screen.findByRole('list', { name: 'Uploaded assets' })
    for (const file of files) {
      expect(await within(assets).findByRole('link', { name: file.name })).toBeTruthy()
    }
  })

  it('shows why a file was refused, next to it, and never sends it', async () => {
    render(
      <AssetUploader
        strategy={partnerStrategy()}
        constraints={{ allowedTypes: ['image/*'] }}
        autoUpload
      />,
    )
    const refused = pdfFile(uniqueName('contract.pdf'), 1000)
    const accepted = pngFile()
    drop(await screen.findByLabelText('Uppy Dashboard'), [refused, accepted])

    const problems = screen.getByRole('list', { name: 'Files with problems' })
    await waitFor(() => expect(problems.textContent).toContain(refused.name))
    expect(problems.textContent).toContain('This type of file is not allowed')
    await within(await screen.findByRole('list', { name: 'Uploaded assets' })).findByRole('link', {
      name: accepted.name,
    })
    expect(await requestsLabelled(refused.name)).toHaveLength(0)
  })

  it('shows the server’s reason when an upload fails', async () => {
    render(
      <AssetUploader
        strategy={multipartForm({
          endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
          headers: { authorization: 'Bearer not-the-token' },
        })}
        autoUpload
      />,
    )
    const file = pngFile()
    await userEvent.upload(dashboardInput(), file)
    const problems = screen.getByRole('list', { name: 'Files with problems' })
    await waitFor(() =>
      expect(problems.textContent).toContain(
        'Not signed in, or the credentials were refused: Full authentication is required to access this resource',
      ),
    )
    expect(await requestsLabelled(file.name)).toHaveLength(1)
  })

  it('works by keyboard alone: Tab reaches the Dashboard’s picker, then its upload button', async () => {
    render(<AssetUploader strategy={partnerStrategy()} />)
    const browse = await screen.findByRole('button', { name: /browse files/i })
    for (let step = 0; step < 10 && document.activeElement !== browse; step += 1)
      await userEvent.tab()
    expect(document.activeElement).toBe(browse)

    const file = pngFile()
    await userEvent.upload(dashboardInput(), file)
    const upload = await screen.findByRole('button', { name: /upload 1 file/i })
    for (let step = 0; step < 20 && document.activeElement !== upload; step += 1)
      await userEvent.tab()
    expect(document.activeElement).toBe(upload)
    await userEvent.keyboard('{Enter}')
    const assets = await screen.findByRole('list', { name: 'Uploaded assets' })
    expect(await within(assets).findByRole('link', { name: file.name })).toBeTruthy()
  })

  it('offers only the accepted types in its file picker (accept), and uploads them', async () => {
    const uploaded: string[] = []
    render(
      <AssetUploader
        strategy={partnerStrategy()}
        constraints={{ allowedTypes: ['image/png', '.pdf'] }}
        autoUpload
        onAssetUploaded={({ asset }) => uploaded.push(asset.name)}
      />,
    )
    await waitFor(() => expect(dashboardInput().accept).toBe('image/png, .pdf'))
    const file = pdfFile(uniqueName('accepted.pdf'), 400)
    await userEvent.upload(dashboardInput(), file)
    await waitFor(() => expect(uploaded).toEqual([file.name]))
  })
})

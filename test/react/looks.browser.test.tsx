import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { errorFromResponse } from '../../src/core/http'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import { backofficeImages } from '../../src/presets/backofficeImages'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { multipartForm } from '../../src/strategies/multipartForm'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import { addFault, pdfFile, referenceUrl, uniqueName } from '../support'
import '../../src/styles.css'

afterEach(async () => {
  cleanup()
  await fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' })
})

const strategy = () => partnerAssets({ token: c.partnerToken, apiBase: referenceUrl })

function choose(files: File[]) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change', { bubbles: true }))
}
const rowOf = (name: string) =>
  within(screen.getByRole('list', { name: 'Files' }))
    .getByText(name)
    .closest('li') as HTMLElement

describe('how the widget looks and reads', () => {
  it('adds className to its own class, paints its own background, and takes a theme', () => {
    render(<AssetDropzone strategy={strategy()} className="mine" theme="dark" />)
    const root = screen.getByRole('region', { name: 'File upload' })
    expect(root.className).toBe('assetdrop mine')
    const style = getComputedStyle(root)
    expect(style.backgroundColor).toBe('rgb(16, 20, 28)')
    expect(style.colorScheme).toBe('dark')
  })

  it('shows no preview of a refused file’s content', async () => {
    render(<AssetDropzone strategy={strategy()} />)
    const text = new File(['not an image at all'], uniqueName('photo.png'), { type: 'image/png' })
    const real = await image('png')
    choose([text, real])
    await waitFor(() => expect(within(rowOf(text.name)).getByText('Not allowed')).toBeTruthy())
    await waitFor(() => expect(rowOf(real.name).querySelector('img')).not.toBeNull())
    expect(rowOf(text.name).querySelector('img')).toBeNull()
  })

  it('previews an uploaded image from the bytes the page holds, never from a private URL', async () => {
    render(
      <AssetDropzone
        strategy={partnerAssets({
          token: c.partnerToken,
          apiBase: referenceUrl,
          access: 'private',
        })}
        autoUpload
      />,
    )
    const file = await image('png')
    choose([file])
    const assets = await screen.findByRole('list', { name: 'Uploaded assets' })
    await waitFor(() => expect(assets.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/))
  })

  it('keeps focus in the widget after “Upload”, and says “cancelled” when the only file is', async () => {
    await addFault({ match: { path: '/api/v1/partner/asset/upload/' }, action: { kind: 'stall' } })
    render(<AssetDropzone strategy={strategy()} />)
    const file = pdfFile(uniqueName('slow.pdf'), 500)
    choose([file])
    await userEvent.click(await screen.findByRole('button', { name: 'Upload 1 file' }))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose files' }))
    await userEvent.click(await screen.findByRole('button', { name: `Cancel ${file.name}` }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Upload cancelled'),
    )
    expect(screen.getByRole('status').textContent).not.toContain('Upload complete: 0')
  })

  it('names types and content in plain words, and sizes as the limits were written', async () => {
    render(
      <AssetDropzone
        strategy={backofficeImages({ apiKey: c.backofficeApiKey, apiBase: referenceUrl })}
        constraints={{ allowedTypes: ['image/png', 'image/jpeg', '.webp'] }}
      />,
    )
    const program = new File(
      [Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0)],
      uniqueName('icon.png'),
      {
        type: 'image/png',
      },
    )
    const document_ = pdfFile(uniqueName('scan.pdf'), 300)
    const big = new File([new Uint8Array(16 * 1024 * 1024)], uniqueName('huge.jpg'), {
      type: 'image/jpeg',
    })
    choose([program, document_, big])
    await waitFor(() => expect(rowOf(big.name).textContent).toContain('larger than 15 MB'))
    expect(rowOf(program.name).textContent).toContain('its content is a program')
    expect(rowOf(document_.name).textContent).toContain('(allowed: JPEG, PNG, GIF, WebP)')
    expect(rowOf(document_.name).textContent).not.toContain('image/')
  })

  it('maps a server’s 413 to file-too-large', () => {
    const error = errorFromResponse({
      status: 413,
      contentType: 'text/html',
      text: '<html>Request Entity Too Large</html>',
      json: undefined,
      url: '',
    })
    expect(error.code).toBe('file-too-large')
  })

  it('shows the Dashboard’s note at its default height, and styles the lists beside it', async () => {
    const note = 'PNG, JPEG or PDF, up to 2 MB'
    render(
      <AssetUploader
        strategy={multipartForm({
          endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
          headers: { authorization: `Bearer ${c.partnerToken}` },
        })}
        note={note}
      />,
    )
    const shown = await screen.findByText(note)
    expect(shown.getBoundingClientRect().height).toBeGreaterThan(0)
    expect(getComputedStyle(shown).display).not.toBe('none')
  })
})

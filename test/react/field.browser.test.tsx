import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { AssetRecord } from '../../src/core/asset'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { multipartForm } from '../../src/strategies/multipartForm'
import { image } from '../presets/fixtures'
import { demoCredentials as c } from '../server/demo'
import { addFault, faultTaken, pdfFile, referenceUrl, uniqueName } from '../support'

afterEach(async () => {
  cleanup()
  await fetch(`${referenceUrl}/__reference/faults`, { method: 'DELETE' })
})

/** Every request carries `x-file: <file name>`, so a fault can hold one file's request only. */
const strategy = multipartForm({
  endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
  headers: (file) => ({ authorization: `Bearer ${c.partnerToken}`, 'x-file': file.name }),
})

/** An asset a record already has, as an edit page loads it. */
const existing = (id: string, name: string): AssetRecord => ({
  id,
  name,
  mimeType: 'image/png',
  size: 1200,
  url: `${referenceUrl}/favicon-${id}.png`,
  previews: {},
  strategy: 'multipart-form',
  fileId: id,
  response: null,
})

/** A promise and the functions that settle it, to hold an `onRemoveAsset` open. */
function deferred() {
  let resolve = () => {}
  let reject = (_: unknown) => {}
  const promise = new Promise<void>((done, fail) => {
    resolve = done
    reject = fail
  })
  return { promise, resolve, reject }
}

/** Chooses `files` in the widget's file input, as the picker would. */
function choose(files: File[]) {
  const input = document.querySelector(
    'input[type="file"]:not([webkitdirectory])',
  ) as HTMLInputElement
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

const assetList = () => screen.getByRole('list', { name: 'Uploaded assets' })

describe('a form field', () => {
  it('controlled: shows existing assets, removes one through onRemoveAsset, adds one, and posts the ids', async () => {
    const removals: ReturnType<typeof deferred>[] = []
    const removed: string[] = []
    let posted: FormDataEntryValue[] = []
    function EditPage() {
      const [value, setValue] = useState<readonly AssetRecord[]>([
        existing('asset-1', 'logo.png'),
        existing('asset-2', 'banner.png'),
      ])
      return (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            posted = new FormData(event.currentTarget).getAll('assets')
          }}
        >
          <AssetDropzone
            strategy={strategy}
            value={value}
            onChange={setValue}
            onRemoveAsset={(asset) => {
              removed.push(asset.id)
              const removal = deferred()
              removals.push(removal)
              return removal.promise
            }}
            name="assets"
            autoUpload
          />
          <button type="submit">Save</button>
        </form>
      )
    }
    render(<EditPage />)
    expect(within(assetList()).getAllByRole('listitem')).toHaveLength(2)
    expect(within(assetList()).getByRole('link', { name: 'logo.png' })).toBeTruthy()

    // A failed server-side delete keeps the asset, with the error.
    await userEvent.click(screen.getByRole('button', { name: 'Remove logo.png' }))
    const logo = () =>
      within(assetList()).getByRole('link', { name: 'logo.png' }).closest('li') as HTMLElement
    await waitFor(() => expect(logo().getAttribute('aria-busy')).toBe('true'))
    expect((within(logo()).getByRole('button') as HTMLButtonElement).disabled).toBe(true)
    removals[0]?.reject(new Error('503'))
    await waitFor(() =>
      expect(within(logo()).getByRole('alert').textContent).toContain('Could not be removed'),
    )

    await userEvent.click(screen.getByRole('button', { name: 'Remove logo.png' }))
    removals[1]?.resolve()
    await waitFor(() =>
      expect(within(assetList()).queryByRole('link', { name: 'logo.png' })).toBeNull(),
    )
    expect(removed).toEqual(['asset-1', 'asset-1'])

    const file = await image('png')
    choose([file])
    await waitFor(() => expect(within(assetList()).getAllByRole('listitem')).toHaveLength(2))
    const uploaded = within(assetList()).getByRole('link', { name: file.name })
    expect(uploaded).toBeTruthy()

    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(posted).toHaveLength(2))
    expect(posted[0]).toBe('asset-2')
    expect(posted[1]).toMatch(/\w/)
    expect(posted).not.toContain('asset-1')
  })

  it('counts the field’s assets against maxFiles', async () => {
    render(
      <AssetDropzone
        strategy={strategy}
        defaultValue={[existing('asset-1', 'a.png'), existing('asset-2', 'b.png')]}
        constraints={{ maxFiles: 3 }}
      />,
    )
    choose([pdfFile(uniqueName('one.pdf'), 300), pdfFile(uniqueName('two.pdf'), 300)])
    const files = () => screen.getByRole('list', { name: 'Files' })
    await waitFor(() => expect(within(files()).getByText('Ready')).toBeTruthy())
    expect(files().textContent).toContain('No more than 3 files can be added')
  })

  it('single-file mode: the picker takes one, and a new upload replaces the current asset', async () => {
    const removed: string[] = []
    const changes: string[][] = []
    render(
      <AssetDropzone
        strategy={strategy}
        multiple={false}
        defaultValue={[existing('avatar-old', 'old.png')]}
        onChange={(value) => changes.push(value.map((asset) => asset.name))}
        onRemoveAsset={(asset) => {
          removed.push(asset.id)
        }}
        autoUpload
      />,
    )
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    expect(input.multiple).toBe(false)
    const [first, second] = [await image('png'), await image('jpg')]
    choose([first, second])
    await waitFor(() => expect(removed).toEqual(['avatar-old']))
    // The new asset in, the old one out (waiting for the render, not only the callbacks).
    await waitFor(() => {
      const items = within(assetList()).getAllByRole('listitem')
      expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining(first.name)])
    })
    expect(changes.at(-1)).toEqual([first.name])
    expect(screen.getByRole('list', { name: 'Files' }).textContent).not.toContain(second.name)
  })

  it('native form: required blocks an empty field and one still uploading, then posts the ids', async () => {
    const file = pdfFile(uniqueName('contract.pdf'), 700)
    render(
      <form>
        <AssetDropzone strategy={strategy} name="documents" required autoUpload />
      </form>,
    )
    const form = document.querySelector('form') as HTMLFormElement
    const validity = form.querySelector('input.assetdrop-visually-hidden') as HTMLInputElement
    expect(form.checkValidity()).toBe(false)
    expect(validity.validationMessage).toBe('Add a file')

    // The server holds this file's upload open: the form waits for it.
    await addFault({ match: { header: ['x-file', file.name] }, action: { kind: 'stall' } })
    choose([file])
    await waitFor(() => expect(screen.getByText('Uploading')).toBeTruthy())
    await expect.poll(() => faultTaken(file.name)).toBe(true)
    expect(form.checkValidity()).toBe(false)
    expect(validity.validationMessage).toBe('Wait until the files have uploaded')
    await userEvent.click(screen.getByRole('button', { name: `Cancel ${file.name}` }))
    await waitFor(() => expect(validity.validationMessage).toBe('Add a file'))

    await userEvent.click(screen.getByRole('button', { name: `Remove ${file.name}` }))
    const again = pdfFile(uniqueName('contract.pdf'), 700)
    choose([again])
    await waitFor(() => expect(form.checkValidity()).toBe(true))
    const ids = new FormData(form).getAll('documents')
    expect(ids).toHaveLength(1)
    expect(ids[0]).toMatch(/\w/)
  })

  it('works with react-hook-form’s Controller: the submitted value holds the assets', async () => {
    let submitted: { attachments: readonly AssetRecord[] } | undefined
    function Form() {
      const { control, handleSubmit } = useForm<{ attachments: readonly AssetRecord[] }>({
        defaultValues: { attachments: [existing('asset-9', 'kept.png')] },
      })
      return (
        <form onSubmit={handleSubmit((data) => (submitted = data))}>
          <Controller
            control={control}
            name="attachments"
            rules={{ validate: (value) => value.length > 0 || 'Attach a file' }}
            render={({ field }) => (
              <AssetDropzone
                strategy={strategy}
                value={field.value}
                onChange={field.onChange}
                autoUpload
              />
            )}
          />
          <button type="submit">Send</button>
        </form>
      )
    }
    render(<Form />)
    const file = await image('webp')
    choose([file])
    await waitFor(() => expect(within(assetList()).getAllByRole('listitem')).toHaveLength(2))
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(submitted).toBeDefined())
    expect(submitted?.attachments.map((asset) => asset.name)).toEqual(['kept.png', file.name])
  })

  it('the Dashboard widget posts its assets under a name too', async () => {
    render(
      <form>
        <AssetUploader
          strategy={strategy}
          name="files"
          defaultValue={[existing('asset-5', 'five.png')]}
        />
      </form>,
    )
    const form = document.querySelector('form') as HTMLFormElement
    expect(new FormData(form).getAll('files')).toEqual(['asset-5'])
    expect(screen.getByRole('button', { name: 'Remove five.png' })).toBeTruthy()
  })
})

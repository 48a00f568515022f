/**
 * Files changed on disk after they were chosen, in Chromium only: there the page reads files from
 * disk, as an end user's browser does. The Firefox and WebKit providers hand the page in-memory
 * copies, which a change on disk can't touch, so their configs leave `*.chromium.browser.test.*`
 * files out.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { createUploader, multipartForm, type Uploader } from '../../../src/index'
import { demoCredentials as c } from '../../server/demo'
import { referenceUrl, uniqueName } from '../../support'
import { spyOnNetwork } from '../../validation/networkSpy'

const partner = () =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${c.partnerToken}` },
  })

const live: Uploader[] = []
const uploaderWith = (options: Parameters<typeof createUploader>[0]) => {
  const uploader = createUploader(options)
  live.push(uploader)
  return uploader
}

/** Files written to disk by the tests, removed after each. */
const written: string[] = []
afterEach(async () => {
  for (const uploader of live.splice(0)) uploader.destroy()
  for (const path of written.splice(0)) await commands.removeFile(path)
})

/** Writes a PDF to disk per name, and picks them all through a file input, as an end user does. */
async function pickFromDisk(
  names: readonly string[],
  body = (name: string) => 'a'.repeat(5000) + name,
) {
  const dir = `node_modules/.cache/assetdrop-test/${uniqueName('disk')}`
  const paths = names.map((name) => `${dir}/${name}`)
  for (const [index, path] of paths.entries()) {
    await commands.writeFile(path, `%PDF-1.7\n${body(names[index] ?? '')}`)
    written.push(path)
  }
  const input = document.createElement('input')
  input.type = 'file'
  input.multiple = true
  document.body.appendChild(input)
  try {
    await userEvent.upload(input, paths)
    return {
      files: Array.from(input.files ?? []),
      /** Saves the file again, with other bytes: the browser refuses to read the old snapshot. */
      edit: (name: string) => commands.writeFile(`${dir}/${name}`, `%PDF-1.7\n${'c'.repeat(9000)}`),
    }
  } finally {
    input.remove()
  }
}

describe('a file that can’t be read is its own failure', () => {
  it('refuses a file changed on disk since it was chosen, and uploads the others', async () => {
    const picked = await pickFromDisk(['changes.pdf', 'steady.pdf'])
    expect(picked.files.map((file) => file.name)).toEqual(['changes.pdf', 'steady.pdf'])
    // Changed after it was chosen: the browser refuses to read the old snapshot.
    await picked.edit('changes.pdf')

    const uploader = uploaderWith({ strategy: partner() })
    const { added, rejected } = await uploader.addFiles(picked.files)
    expect(added.map((file) => file.name)).toEqual(['steady.pdf'])
    expect(rejected).toMatchObject([
      { file: { name: 'changes.pdf' }, issues: [{ code: 'file-unreadable' }] },
    ])
    const { assets } = await uploader.upload()
    expect(assets.map((asset) => asset.name)).toEqual(['steady.pdf'])
  })
})

describe('a file changed on disk after it was added', () => {
  it('fails as unreadable, without retries, and the files beside it upload', async () => {
    const picked = await pickFromDisk(['first.pdf', 'edited.pdf', 'last.pdf'])
    const uploader = uploaderWith({ strategy: partner(), retry: { delay: 20 } })
    const { added } = await uploader.addFiles(picked.files)
    expect(added).toHaveLength(3)
    // Saved again between the add and the upload: the browser won't send the old snapshot.
    await picked.edit('edited.pdf')
    const spy = spyOnNetwork()
    const { assets, failed } = await uploader.upload().finally(() => spy.stop())
    expect(assets.map((asset) => asset.name)).toEqual(['first.pdf', 'last.pdf'])
    expect(failed).toMatchObject([
      { file: { name: 'edited.pdf' }, error: { code: 'file-unreadable' } },
    ])
    // Not a byte of it is sent (its new bytes were never checked), nor retried.
    expect(spy.requests.filter((request) => request.url.includes('/partner/')).length).toBe(2)
  })
})

describe('a file changed on disk while it waits its turn', () => {
  it('is found just before its turn, though the upload had begun, and is not sent', async () => {
    // More files than the window reads ahead (two windows of at least 16): the last waits.
    const names = Array.from({ length: 60 }, (_, index) => `page-${index + 1}.pdf`)
    const last = names.at(-1) ?? ''
    const picked = await pickFromDisk(names, (name) => name)
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    try {
      // The first window's requests wait for the test: nothing moves on until the edit is made.
      const uploader = uploaderWith({
        strategy: multipartForm({
          endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
          headers: async () => {
            await gate
            return { authorization: `Bearer ${c.partnerToken}` }
          },
        }),
      })
      await uploader.addFiles(picked.files)
      const spy = spyOnNetwork()
      const done = uploader.upload().finally(() => spy.stop())
      await expect
        .poll(() => uploader.getSnapshot().items.every((item) => item.status === 'uploading'))
        .toBe(true)
      await picked.edit(last)
      open()
      const { assets, failed } = await done
      expect(assets).toHaveLength(59)
      expect(failed).toMatchObject([{ file: { name: last }, error: { code: 'file-unreadable' } }])
      expect(spy.requests.filter((request) => request.url.includes('/partner/')).length).toBe(59)
    } finally {
      open()
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { createUploader, type Uploader } from '../../../src/core/uploader/createUploader'
import { multipartForm } from '../../../src/strategies/multipartForm'
import { demoCredentials } from '../../server/demo'
import { pdfFile, referenceUrl, uniqueName } from '../../support'
import { spyOnNetwork } from '../../validation/networkSpy'

const strategy = () =>
  multipartForm({
    endpoint: `${referenceUrl}/api/v1/partner/asset/upload/public`,
    headers: { authorization: `Bearer ${demoCredentials.partnerToken}` },
  })

const files = (count: number) =>
  Array.from({ length: count }, (_, index) => pdfFile(uniqueName(`queue-${index}.pdf`), 2048))

/** Counts the XMLHttpRequests open at once until `stop()`. */
function watchConcurrency() {
  const { send } = XMLHttpRequest.prototype
  let open = 0
  let most = 0
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
    open += 1
    most = Math.max(most, open)
    // The request is done for the uploader at DONE, which comes before `load` and `loadend`.
    const done = () => {
      if (this.readyState !== XMLHttpRequest.DONE) return
      open -= 1
      this.removeEventListener('readystatechange', done)
    }
    this.addEventListener('readystatechange', done)
    return send.call(this, body)
  }
  return {
    get most() {
      return most
    },
    stop: () => {
      XMLHttpRequest.prototype.send = send
    },
  }
}

let uploader: Uploader | undefined
afterEach(() => uploader?.destroy())

describe('the upload queue', () => {
  it('uploads 120 files six at a time, each once, and lists the assets in the order added', async () => {
    uploader = createUploader({ strategy: strategy() })
    const added = files(120)
    await uploader.addFiles(added)
    const spy = spyOnNetwork()
    const concurrency = watchConcurrency()
    try {
      const { assets, failed } = await uploader.upload()
      expect(failed).toEqual([])
      expect(assets.map((asset) => asset.name)).toEqual(added.map((file) => file.name))
    } finally {
      concurrency.stop()
      spy.stop()
    }
    const sent = spy.requests.flatMap((request) => request.fileNames)
    expect(sent.toSorted()).toEqual(added.map((file) => file.name).toSorted())
    expect(concurrency.most).toBeLessThanOrEqual(6)
    expect(uploader.getSnapshot()).toMatchObject({ status: 'idle', bytesUploaded: 120 * 2048 })
  })

  it('sends no byte of files cancelled while they wait their turn, and finishes the others', async () => {
    const upload = createUploader({ strategy: strategy() })
    uploader = upload
    const added = files(60)
    const ids = (await upload.addFiles(added)).added.map((file) => file.id)
    const waiting = new Set(ids.slice(30))
    // Cancel the last 30 the moment the run starts, before any of them can have been sent.
    const stop = upload.subscribe(() => {
      if (upload.getSnapshot().status !== 'uploading') return
      stop()
      for (const id of waiting) upload.cancel(id)
    })
    const spy = spyOnNetwork()
    try {
      const { assets, failed } = await upload.upload()
      expect(failed).toEqual([])
      expect(assets).toHaveLength(30)
    } finally {
      spy.stop()
    }
    const sent = new Set(spy.requests.flatMap((request) => request.fileNames))
    expect(added.slice(30).filter((file) => sent.has(file.name))).toEqual([])
    const statuses = upload.getSnapshot().items.map((item) => item.status)
    expect(statuses.slice(0, 30).every((status) => status === 'succeeded')).toBe(true)
    expect(statuses.slice(30).every((status) => status === 'cancelled')).toBe(true)
  })
})

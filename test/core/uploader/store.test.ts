import { describe, expect, it } from 'vitest'
import { AssetDropError } from '../../../src/core/errors'
import { createUploaderStore, type UploaderAction } from '../../../src/core/uploader/store'

const a = { id: 'a', name: 'a.png', type: 'image/png', size: 100 }
const b = { id: 'b', name: 'b.pdf', type: 'application/pdf', size: 300 }
const asset = {
  id: 'x',
  name: 'a.png',
  mimeType: 'image/png',
  size: 100,
  previews: {},
  strategy: 'multipart-form' as const,
  fileId: 'a',
  response: {},
}

/** A store after `actions`, and its snapshot. */
const storeAfter = (...actions: UploaderAction[]) => {
  const store = createUploaderStore()
  for (const action of actions) store.apply(action)
  return store
}
const run = (...actions: UploaderAction[]) => storeAfter(...actions).snapshot()
const added = (...files: (typeof a)[]): UploaderAction[] => [
  { type: 'validating', files },
  { type: 'validated', accepted: files, rejected: [] },
]

describe('createUploaderStore', () => {
  it('lists files as validating, then queues the valid ones in order', () => {
    const checking = run({ type: 'validating', files: [a, b] })
    expect(checking.status).toBe('validating')
    expect(checking.items.map((item) => item.status)).toEqual(['validating', 'validating'])
    const state = run(...added(a, b))
    expect(state.items.map((item) => [item.id, item.status])).toEqual([
      ['a', 'queued'],
      ['b', 'queued'],
    ])
    expect(state.status).toBe('idle')
  })

  it('sums progress over the files on their way and done', () => {
    const state = run(
      ...added(a, b),
      { type: 'started', ids: ['a', 'b'] },
      { type: 'progressed', id: 'b', bytesUploaded: 150 },
      { type: 'succeeded', id: 'a', asset },
    )
    expect(state).toMatchObject({ status: 'uploading', bytesUploaded: 250, bytesTotal: 400 })
    expect(state.items[0]).toMatchObject({ status: 'succeeded', asset })
  })

  it('keeps a failed file with its error until it is retried', () => {
    const error = new AssetDropError('server-error', { status: 500 })
    const store = storeAfter(
      ...added(a),
      { type: 'started', ids: ['a'] },
      { type: 'failed', id: 'a', error },
    )
    const failed = store.snapshot()
    expect(failed.items[0]).toMatchObject({ status: 'failed', error })
    expect(failed.status).toBe('idle')
    store.apply({ type: 'requeued', id: 'a' })
    expect(store.snapshot().items[0]?.status).toBe('queued')
    expect(failed.items[0]?.status).toBe('failed')
  })

  it('marks a file taken out of Uppy mid-upload as cancelled, and drops one that only waited', () => {
    const state = run(
      ...added(a, b),
      { type: 'started', ids: ['a'] },
      { type: 'unqueued', id: 'a' },
      { type: 'unqueued', id: 'b' },
    )
    expect(state.items.map((item) => [item.id, item.status])).toEqual([['a', 'cancelled']])
  })

  it('ignores progress and results for files that are no longer uploading', () => {
    const store = storeAfter(
      ...added(a),
      { type: 'started', ids: ['a'] },
      { type: 'cancelled', ids: ['a'] },
    )
    const cancelled = store.snapshot()
    expect(store.apply({ type: 'succeeded', id: 'a', asset })).toBe(false)
    expect(store.apply({ type: 'progressed', id: 'a', bytesUploaded: 5 })).toBe(false)
    expect(store.snapshot()).toBe(cancelled)
  })

  it('lists a rejected file with its issues beside the accepted one', () => {
    const issues = [{ code: 'file-too-large' as const, message: 'too large', params: {} }]
    const state = run(
      { type: 'validating', files: [a, b] },
      { type: 'validated', accepted: [b], rejected: [{ file: a, issues }] },
    )
    expect(state.items[0]).toMatchObject({ status: 'rejected', issues })
    expect(state.items[1]?.status).toBe('queued')
  })

  it('keeps the totals right through removals, and finds files by id after them', () => {
    const store = storeAfter(
      ...added(a, b),
      { type: 'started', ids: ['a', 'b'] },
      { type: 'progressed', id: 'a', bytesUploaded: 40 },
      { type: 'progressed', id: 'b', bytesUploaded: 120 },
      { type: 'cancelled', ids: ['a'] },
      { type: 'removed', id: 'a' },
    )
    expect(store.snapshot()).toMatchObject({ bytesUploaded: 120, bytesTotal: 300 })
    store.apply({ type: 'succeeded', id: 'b', asset: { ...asset, fileId: 'b' } })
    expect(store.get('b')?.status).toBe('succeeded')
    expect(store.snapshot()).toMatchObject({ status: 'idle', bytesUploaded: 300, bytesTotal: 300 })
  })
})

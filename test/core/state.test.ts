import { describe, expect, it } from 'vitest'
import { AssetDropError } from '../../src/core/errors'
import { emptySnapshot, reduceUploader, type UploaderAction } from '../../src/core/state'

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

const run = (...actions: UploaderAction[]) => actions.reduce(reduceUploader, emptySnapshot)
const added = (...files: (typeof a)[]): UploaderAction[] => [
  { type: 'validating', files },
  { type: 'validated', accepted: files, rejected: [] },
]

describe('reduceUploader', () => {
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
    const failed = run(
      ...added(a),
      { type: 'started', ids: ['a'] },
      { type: 'failed', id: 'a', error },
    )
    expect(failed.items[0]).toMatchObject({ status: 'failed', error })
    expect(failed.status).toBe('idle')
    expect(reduceUploader(failed, { type: 'requeued', id: 'a' }).items[0]?.status).toBe('queued')
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
    const cancelled = run(
      ...added(a),
      { type: 'started', ids: ['a'] },
      { type: 'cancelled', ids: ['a'] },
    )
    expect(reduceUploader(cancelled, { type: 'succeeded', id: 'a', asset })).toBe(cancelled)
    expect(reduceUploader(cancelled, { type: 'progressed', id: 'a', bytesUploaded: 5 })).toBe(
      cancelled,
    )
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
})

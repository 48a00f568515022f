import { describe, expect, it } from 'vitest'
import { createQueue } from '../../../src/core/uploader/queue'

/** A queue of `capacity` places that records what it starts and how often it flushes. */
function queueOf(capacity: number, unwanted: ReadonlySet<string> = new Set()) {
  const started: string[][] = []
  const read: string[][] = []
  let flushes = 0
  const queue = createQueue({
    capacity: () => capacity,
    flush: () => {
      flushes += 1
    },
    wanted: (id) => !unwanted.has(id),
    start: (ids) => {
      started.push([...ids])
      for (const id of ids) queue.occupy(id)
    },
    ahead: (ids) => read.push([...ids]),
  })
  return { queue, started, read, flushes: () => flushes }
}

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `f${from + i}`)
const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('queue: the window of files Uppy holds', () => {
  it('starts as many files as the window holds, in order, in one start', () => {
    const { queue, started } = queueOf(4)
    queue.schedule(ids(10))
    expect(started).toEqual([['f0', 'f1', 'f2', 'f3']])
  })

  it('refills once half the window is free, with one start for the files that fit', async () => {
    const { queue, started, flushes } = queueOf(4)
    queue.schedule(ids(10))
    const flushed = flushes()
    queue.vacate('f0')
    await tick()
    // Three of four still hold a place: more than half, so nothing starts, nothing leaves Uppy.
    expect(started).toHaveLength(1)
    expect(flushes()).toBe(flushed)
    queue.vacate('f1')
    await tick()
    expect(started.at(-1)).toEqual(['f4', 'f5'])
    // Files whose attempt is over leave Uppy together, right before the refill.
    expect(flushes()).toBe(flushed + 1)
  })

  it('asks for one refill however many files leave in one task', async () => {
    const { queue, started } = queueOf(4)
    queue.schedule(ids(12))
    for (const id of ids(4)) queue.vacate(id)
    await tick()
    expect(started).toEqual([
      ['f0', 'f1', 'f2', 'f3'],
      ['f4', 'f5', 'f6', 'f7'],
    ])
  })

  it('skips files no longer wanted (cancelled or removed while they waited)', () => {
    const { queue, started } = queueOf(4, new Set(['f1', 'f2']))
    queue.schedule(ids(6))
    expect(started).toEqual([['f0', 'f3', 'f4', 'f5']])
  })

  it('reports whether a file held a place, and a dropped file frees its place', async () => {
    const { queue, started } = queueOf(2)
    queue.schedule(ids(4))
    expect(queue.vacate('f3')).toBe(false)
    queue.drop('f0')
    queue.drop('f1')
    queue.refill()
    await tick()
    expect(started.at(-1)).toEqual(['f2', 'f3'])
  })

  it('starts nothing once closed', async () => {
    const { queue, started } = queueOf(2)
    queue.schedule(ids(4))
    queue.close()
    queue.vacate('f0')
    queue.schedule(ids(2, 10))
    await tick()
    expect(started).toEqual([['f0', 'f1']])
  })

  it('reads files just ahead of their turn, many at once: every file before it starts, none far ahead', async () => {
    const { queue, started, read } = queueOf(4)
    queue.schedule(ids(20))
    // Two windows' worth, in one read, before the first start.
    expect(read).toEqual([ids(8)])
    for (const id of ids(4)) queue.vacate(id)
    await tick()
    // The next four were read already: nothing more is read yet.
    expect(started.at(-1)).toEqual(ids(4, 4))
    expect(read).toHaveLength(1)
    for (const id of ids(4, 4)) queue.vacate(id)
    await tick()
    // None left read ahead: the next two windows, in one read, before the next start.
    expect(read.at(-1)).toEqual(ids(8, 8))
    expect(started.at(-1)).toEqual(ids(4, 8))
  })

  it('reads a file again once it is scheduled again after being dropped', () => {
    const { queue, read } = queueOf(2)
    queue.schedule(ids(3))
    queue.drop('f2')
    queue.schedule(['f2'])
    expect(read).toEqual([ids(3), ['f2']])
  })
})

/** The files waiting to start, and those holding a place in the Uppy plugin's window. */
export interface Queue {
  /** Schedules files to upload; each starts as room frees up. */
  schedule(ids: readonly string[]): void
  /** A file's attempt holds a place in the window from now on. */
  occupy(id: string): void
  /** A file's attempt gave up its place; `false` if it held none. Room is refilled soon after. */
  vacate(id: string): boolean
  /** Takes a file out of the schedule and the window, without refilling. */
  drop(id: string): void
  /** Refills the window soon (once per task, however many files ask). */
  refill(): void
  /** Empties the queue for good (the uploader is destroyed). */
  close(): void
}

/**
 * Creates the queue of one uploader. It starts the next scheduled files once half the window
 * (or all of it) has room: files whose attempt is over leave Uppy then, together (`flush`), not
 * one removal per file, and each start is one Uppy run for many files.
 */
export function createQueue(options: {
  /** How many files may hold a place at once. */
  readonly capacity: () => number
  /** Lets the files whose attempt is over leave the plugin, together. */
  readonly flush: () => void
  /** Whether a scheduled file is still to be uploaded (not cancelled or removed meanwhile). */
  readonly wanted: (id: string) => boolean
  /** Starts the files' attempts. */
  readonly start: (ids: readonly string[]) => void
  /** Reads the next files ahead of their start, many at once (see `Intake.readAhead`). */
  readonly ahead: (ids: readonly string[]) => void
}): Queue {
  /** Files to upload whose first attempt has not started, in order. */
  const scheduled = new Set<string>()
  /** Files whose attempt holds a place (being prepared, waiting or sending). */
  const inFlight = new Set<string>()
  /** Scheduled files read ahead: a window's worth to two, topped up once under one. */
  const readied = new Set<string>()
  let refillQueued = false
  let closed = false

  const pump = () => {
    if (closed) return
    const capacity = options.capacity()
    // Read just ahead of their turn, so a file saved again while it waited is still found.
    if (readied.size < capacity) {
      const more: string[] = []
      for (const id of scheduled) {
        if (readied.size >= 2 * capacity) break
        if (!readied.has(id)) more.push(id)
        readied.add(id)
      }
      options.ahead(more)
    }
    if (inFlight.size > capacity / 2 && scheduled.size > 0) return
    options.flush()
    if (inFlight.size > capacity / 2) return
    const room = capacity - inFlight.size
    const next: string[] = []
    for (const id of scheduled) {
      if (next.length >= room) break
      scheduled.delete(id)
      readied.delete(id)
      if (options.wanted(id)) next.push(id)
    }
    if (next.length > 0) options.start(next)
  }

  const refill = () => {
    if (refillQueued) return
    refillQueued = true
    queueMicrotask(() => {
      refillQueued = false
      pump()
    })
  }

  return {
    schedule(ids) {
      for (const id of ids) scheduled.add(id)
      pump()
    },
    occupy: (id) => void inFlight.add(id),
    vacate(id) {
      if (!inFlight.delete(id)) return false
      refill()
      return true
    },
    drop(id) {
      scheduled.delete(id)
      readied.delete(id)
      inFlight.delete(id)
    },
    refill,
    close() {
      closed = true
      scheduled.clear()
      inFlight.clear()
      readied.clear()
    },
  }
}

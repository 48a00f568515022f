/**
 * Estimates the time left from progress samples: the speed is smoothed (an exponential moving
 * average over samples at least `minInterval` ms apart), so one slow or fast moment does not
 * swing the estimate.
 */
export function createEtaEstimator(options: { smoothing?: number; minInterval?: number } = {}) {
  const smoothing = options.smoothing ?? 0.3
  const minInterval = options.minInterval ?? 250
  let last: { time: number; bytes: number } | undefined
  let speed: number | undefined

  return {
    /** Adds a sample; returns the seconds left, or `undefined` while it cannot tell. */
    update(now: number, bytesUploaded: number, bytesTotal: number): number | undefined {
      if (!last || bytesUploaded < last.bytes) {
        last = { time: now, bytes: bytesUploaded }
        speed = undefined
      } else if (now - last.time >= minInterval) {
        const current = ((bytesUploaded - last.bytes) / (now - last.time)) * 1000
        speed = speed === undefined ? current : smoothing * current + (1 - smoothing) * speed
        last = { time: now, bytes: bytesUploaded }
      }
      if (!speed || speed <= 0) return undefined
      return Math.max(0, Math.ceil((bytesTotal - bytesUploaded) / speed))
    },
  }
}

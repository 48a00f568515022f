import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/** One row to render: its index in the list and its offset from the top, in pixels. */
export interface VirtualRow {
  readonly index: number
  readonly start: number
}

/** Options of {@link useVirtualRows}. */
export interface VirtualRowsOptions {
  /** How many rows the list has. */
  readonly count: number
  /** The stable key of the row at `index` (its measured height is kept under it). */
  readonly keyOf: (index: number) => string
  /** The scrolling element, once mounted. */
  readonly scroller: HTMLElement | null
  /** The height assumed for a row not measured yet, in pixels. */
  readonly estimate: number
  /** How many rows to render beyond each edge of the view. */
  readonly overscan: number
}

// Layout effects warn during server rendering; there is no layout to read there anyway.
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/**
 * The rows of a long list that are in view (and `overscan` more each side), with their offsets
 * and the list's full height. Rendered rows pass `measure` as their ref, with `data-key` set to
 * their key; one ResizeObserver keeps their real heights. Offsets are summed on each render,
 * which costs about a millisecond for 100,000 rows.
 */
export function useVirtualRows({ count, keyOf, scroller, estimate, overscan }: VirtualRowsOptions) {
  const heights = useRef(new Map<string, number>())
  const observed = useRef(new Set<Element>())
  const [, setMeasured] = useState(0)
  const [view, setView] = useState({ top: 0, height: 0 })

  useBrowserLayoutEffect(() => {
    if (!scroller) return
    const update = () =>
      setView((previous) =>
        previous.top === scroller.scrollTop && previous.height === scroller.clientHeight
          ? previous
          : { top: scroller.scrollTop, height: scroller.clientHeight },
      )
    update()
    scroller.addEventListener('scroll', update, { passive: true })
    const resizes = new ResizeObserver(update)
    resizes.observe(scroller)
    return () => {
      scroller.removeEventListener('scroll', update)
      resizes.disconnect()
    }
  }, [scroller])

  const [rowObserver] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          let changed = false
          for (const entry of entries) {
            const key = (entry.target as HTMLElement).dataset.key
            const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height
            if (key === undefined || height === 0 || heights.current.get(key) === height) continue
            heights.current.set(key, height)
            changed = true
          }
          if (changed) setMeasured((value) => value + 1)
        }),
  )
  useEffect(() => {
    // Set up again after a cleanup (StrictMode runs one on mount): watch the rows already there.
    for (const element of observed.current) rowObserver?.observe(element)
    return () => rowObserver?.disconnect()
  }, [rowObserver])
  // Rows scrolled out of the list are no longer watched.
  useBrowserLayoutEffect(() => {
    for (const element of observed.current) {
      if (element.isConnected) continue
      rowObserver?.unobserve(element)
      observed.current.delete(element)
    }
  })
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !rowObserver || observed.current.has(element)) return
      observed.current.add(element)
      rowObserver.observe(element)
    },
    [rowObserver],
  )

  // Summed on every render (new measurements re-render through `setMeasured`).
  const offsets = new Float64Array(count + 1)
  for (let index = 0; index < count; index += 1) {
    offsets[index + 1] =
      (offsets[index] as number) + (heights.current.get(keyOf(index)) ?? estimate)
  }

  // The first row whose bottom is below the top of the view, by binary search.
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((offsets[middle + 1] as number) <= view.top) low = middle + 1
    else high = middle
  }
  let end = low
  while (end < count && (offsets[end] as number) < view.top + view.height) end += 1
  const rows: VirtualRow[] = []
  for (
    let index = Math.max(0, low - overscan);
    index < Math.min(count, end + overscan);
    index += 1
  ) {
    rows.push({ index, start: offsets[index] as number })
  }
  return { rows, totalSize: offsets[count] as number, measure }
}

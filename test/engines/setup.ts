// Under a preview-based provider, Vitest 4.1 advances fake timers around every user-event action
// and throws when the timers are not mocked; make that a no-op then, as Chromium's provider does.
import { vi } from 'vitest'

const advance = vi.advanceTimersByTimeAsync.bind(vi)
vi.advanceTimersByTimeAsync = async (ms: number) => (vi.isFakeTimers() ? advance(ms) : vi)

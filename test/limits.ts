/**
 * How long a browser test may run: a guard against a hang, not a measure of speed. No wait in a
 * test has a deadline of its own: a wait for what the page will do (a request answered, a row
 * rendered) lasts until it happens, however busy the machine, and only this limit ends it. Where
 * a test needs time to pass, it moves an injected clock (`createTestClock`) instead.
 */
export const testTimeout = 60_000

/** testing-library's waits and `expect.poll` give up this long before the test's limit, so a
 * wait that never ends fails with the page as it stood rather than a bare timeout. */
export const waitLimit = testTimeout - 5_000

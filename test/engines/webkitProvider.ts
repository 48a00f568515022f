/**
 * A Vitest browser provider that runs the browser tests in WebKit: Debian's WebKitGTK
 * `MiniBrowser`, driven by its `WebKitWebDriver` over classic WebDriver (plain HTTP, no client
 * library), under `xvfb-run` (MiniBrowser has no headless mode). Like the Firefox provider, it is
 * `@vitest/browser-preview`'s provider with a real browser behind `openPage`. Set `WEBKIT_LOG` to
 * a file to keep the driver's and MiniBrowser's error output there.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { openSync } from 'node:fs'
import { createServer } from 'node:net'
import { defineBrowserProvider } from '@vitest/browser'
import { PreviewBrowserProvider } from '@vitest/browser-preview'

/** Options of {@link webkit}. */
export interface WebKitOptions {
  /** WebKitGTK's MiniBrowser. */
  readonly browser: string
  /** The WebDriver server for it. */
  readonly driver: string
}

/** A free port on the loopback interface. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      )
    })
  })

/** The provider: one MiniBrowser session for the run. */
export function webkit(options: WebKitOptions) {
  return defineBrowserProvider({
    name: 'preview',
    providerFactory(project) {
      project.config.browser.headless = false
      return new WebKitProvider(project, options)
    },
  })
}

class WebKitProvider extends PreviewBrowserProvider {
  private driver: ChildProcess | undefined
  private session: Promise<{ base: string; id: string }> | undefined

  constructor(
    project: ConstructorParameters<typeof PreviewBrowserProvider>[0],
    private readonly options: WebKitOptions,
  ) {
    super(project)
  }

  /** Starts the driver (under a virtual display) and opens a MiniBrowser session. */
  private async start() {
    const port = await freePort()
    this.driver = spawn(
      'xvfb-run',
      ['-a', this.options.driver, `--port=${port}`, '--host=127.0.0.1'],
      {
        stdio: process.env.WEBKIT_LOG
          ? ['ignore', 'ignore', openSync(process.env.WEBKIT_LOG, 'a')]
          : 'ignore',
        detached: true,
      },
    )
    const base = `http://127.0.0.1:${port}`
    const capabilities = {
      alwaysMatch: {
        browserName: 'MiniBrowser',
        pageLoadStrategy: 'none',
        'webkitgtk:browserOptions': { binary: this.options.browser, args: ['--automation'] },
      },
    }
    // The driver takes a moment to listen: ask until it answers.
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await fetch(`${base}/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ capabilities }),
        })
        const { value } = (await answer.json()) as { value: { sessionId: string } }
        return { base, id: value.sessionId }
      } catch (error) {
        if (attempt >= 100) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }

  override async openPage(_sessionId: string, url: string): Promise<void> {
    ;(this as unknown as { open: boolean }).open = true
    this.session ??= this.start()
    const { base, id } = await this.session
    await fetch(`${base}/session/${id}/url`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    })
  }

  override async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined)
    this.session = undefined
    if (session)
      await fetch(`${session.base}/session/${session.id}`, { method: 'DELETE' }).catch(() => {})
    this.stopDriver()
  }

  /** Ends xvfb-run's process group: the driver, the browser and the display together. */
  private stopDriver() {
    if (this.driver?.pid) {
      try {
        process.kill(-this.driver.pid, 'SIGTERM')
      } catch {}
    }
    this.driver = undefined
  }
}

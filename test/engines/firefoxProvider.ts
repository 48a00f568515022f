/**
 * A Vitest browser provider that runs the browser tests in Debian's Firefox ESR, driven by
 * `puppeteer-core` over WebDriver BiDi (Playwright can't drive a stock Firefox, and the
 * webdriverio provider would download geckodriver). It is `@vitest/browser-preview`'s provider
 * with a real, headless browser behind `openPage`: the tests run as in preview mode, with
 * `userEvent` from `@testing-library/user-event`.
 */
import { defineBrowserProvider } from '@vitest/browser'
import { PreviewBrowserProvider } from '@vitest/browser-preview'
import puppeteer, { type Browser } from 'puppeteer-core'

/** Options of {@link firefox}. */
export interface FirefoxOptions {
  /** The Firefox binary. */
  readonly executablePath: string
}

/** The provider: one headless Firefox for the run, one tab per test file session. */
export function firefox(options: FirefoxOptions) {
  return defineBrowserProvider({
    name: 'preview',
    providerFactory(project) {
      // Preview refuses headless mode; this provider is headless itself.
      project.config.browser.headless = false
      return new FirefoxProvider(project, options)
    },
  })
}

class FirefoxProvider extends PreviewBrowserProvider {
  private browser: Promise<Browser> | undefined

  constructor(
    project: ConstructorParameters<typeof PreviewBrowserProvider>[0],
    private readonly options: FirefoxOptions,
  ) {
    super(project)
  }

  override async openPage(_sessionId: string, url: string): Promise<void> {
    // Marks the provider open (its flag is private): the preview provider's own openPage does only
    // that once Vite's server has no `open` to launch.
    ;(this as unknown as { open: boolean }).open = true
    this.browser ??= puppeteer.launch({
      browser: 'firefox',
      executablePath: this.options.executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: {
        // No network beyond loopback: no updates, telemetry or safe-browsing lists.
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'network.captive-portal-service.enabled': false,
      },
    })
    const page = await (await this.browser).newPage()
    await page.goto(url)
  }

  override async close(): Promise<void> {
    const browser = await this.browser
    this.browser = undefined
    await browser?.close()
  }
}

/** How every tool here launches Chromium: the system's, or the one packaged in `@sparticuz/chromium`. */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] }

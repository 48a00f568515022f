/** How every tool here launches Debian's Chromium. */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] }

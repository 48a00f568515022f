const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/**
 * A byte count for people, in the units Uppy's Dashboard uses too (1 KB = 1024 bytes), written
 * in `locale` (the browser's by default): `1.5 MB`, `1,5 MB`. A limit of `15 * 1024 * 1024`
 * reads `15 MB`, as a hint written by hand does.
 */
export function formatBytes(bytes: number, locale?: string): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  // Built once per locale and digits: building one costs far more than using it, and rows ask often.
  const key = `${locale}:${digits}`
  formatters[key] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
  return `${formatters[key].format(value)} ${units[unit]}`
}

const formatters: Record<string, Intl.NumberFormat> = {}

const png = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
)
const csv = new TextEncoder().encode('name,amount\nÅse,12.50\nBo,3\n')
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n')

/** `count` small files, a third each PNG, CSV and PDF, all valid. */
export function makeFiles(count: number): File[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = index % 3
    if (kind === 0)
      return new File([png], `photo-${index}.png`, { type: 'image/png', lastModified: index })
    if (kind === 1)
      return new File([csv], `table-${index}.csv`, { type: 'text/csv', lastModified: index })
    return new File([pdf], `report-${index}.pdf`, { type: 'application/pdf', lastModified: index })
  })
}

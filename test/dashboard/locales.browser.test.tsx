import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import englishUppy from '@uppy/locales/lib/en_US.js'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultErrorMessages } from '../../src/core/messages'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import * as de from '../../src/dashboard/locales/de'
import * as es from '../../src/dashboard/locales/es'
import * as fr from '../../src/dashboard/locales/fr'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { englishLocale } from '../../src/react/locale'
import { pdfFile, referenceUrl, uniqueName } from '../support'

afterEach(cleanup)

/** Every string of a nested locale object (plural forms included). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

// English phrases of two words or more (a single word such as "OK" may be the same in another
// language): Uppy's own, cut at their %{placeholders}, and assetdrop's.
const english = [
  ...strings(englishUppy.strings).flatMap((text) => text.split(/%\{\w+\}/)),
  ...strings(englishLocale),
  ...Object.values(defaultErrorMessages).map((message) =>
    typeof message === 'function' ? message({}) : message,
  ),
  englishLocale.announce.added(2),
  englishLocale.announce.complete(1, 1),
  englishLocale.announce.failed('x.png', 'x'),
  englishLocale.announce.rejected('x.png', 'x'),
  englishLocale.requiredField('Title'),
  'failed to upload',
]
  .map((text) => text.trim())
  .filter((text) => text.includes(' '))

/** What a reader of the widget meets: its text and the names, titles and hints of its elements. */
function everythingShown(root: HTMLElement): string {
  const attributes = [...root.querySelectorAll('*')].flatMap((element) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
  )
  return [root.textContent ?? '', ...attributes].join('\n')
}

describe.each(Object.entries({ de, fr, es }))(
  '<AssetUploader> in the %s entry',
  (_, { locale, messages, uppyLocale }) => {
    it('shows the Dashboard and assetdrop’s lists with no English left', async () => {
      const { container } = render(
        <AssetUploader
          strategy={partnerAssets({ token: 'wrong-token-value', apiBase: referenceUrl })}
          locale={locale}
          messages={messages}
          uppyLocale={uppyLocale}
          constraints={{ allowedTypes: ['application/pdf'] }}
          autoUpload
        />,
      )
      const refused = new File(['x'], uniqueName('note.txt'), { type: 'text/plain' })
      const failing = pdfFile(uniqueName('report.pdf'), 400)
      const dashboard = await screen.findByLabelText(uppyLocale.strings.dashboardTitle as string)
      const data = new DataTransfer()
      data.items.add(refused)
      data.items.add(failing)
      for (const type of ['dragover', 'drop']) {
        dashboard.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
        )
      }
      const problems = screen.getByRole('list', { name: locale.problems })
      await waitFor(() => expect(problems.textContent).toContain(failing.name))
      expect(problems.textContent).toContain(refused.name)
      // The Dashboard holds the failed file, with Uppy's strings for a failed upload.
      await waitFor(() =>
        expect(container.querySelector('.uppy-StatusBar.is-error')).not.toBeNull(),
      )
      // Its row explains the failure as assetdrop's list does, in the language.
      const details = container.querySelector('.uppy-Dashboard-Item-errorDetails')
      const explained = details?.getAttribute('aria-label') ?? ''
      expect(explained).not.toBe('')
      expect(problems.textContent).toContain(explained)
      const shown = everythingShown(container)
      expect(english.filter((phrase) => shown.includes(phrase))).toEqual([])
    })
  },
)

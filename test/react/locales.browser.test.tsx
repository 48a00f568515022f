import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MessageParams } from '../../src/core/messages'
import { defaultErrorMessages } from '../../src/core/messages'
import * as de from '../../src/locales/de'
import * as es from '../../src/locales/es'
import * as fr from '../../src/locales/fr'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { englishLocale } from '../../src/react/locale'
import { pdfFile, referenceUrl, uniqueName } from '../support'

afterEach(cleanup)

const locales = { de, fr, es }

/** Every leaf of a locale (functions called with sample values), by path. */
function leaves(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'string') return { [path]: value }
  if (typeof value === 'function') {
    const call = value as (...args: unknown[]) => string
    return { [path]: `${call(3, 'x.png')} | ${call(1, 'x.png')} | ${call(undefined, 'y')}` }
  }
  if (value && typeof value === 'object') {
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key)),
    )
  }
  return {}
}

const sample: MessageParams = {
  maxSize: 15 * 1024 * 1024,
  minSize: 10,
  allowed: 'PNG, JPEG',
  maxFiles: 3,
  maxTotalSize: 1024,
  claimed: 'PNG',
  actual: 'a program',
  format: 'executable',
  width: 20,
  height: 10,
  minWidth: 100,
  minHeight: 100,
  limitKind: 'width',
  limitValue: 4000,
  problem: 'too-long',
  fields: 'Titel',
}
const text = (message: string | ((params: MessageParams) => string)) =>
  typeof message === 'function' ? message(sample) : message

describe.each(Object.entries(locales))('the %s locale', (_, { locale, messages }) => {
  it('has every string the English locale has, and no English one', () => {
    const english = leaves(englishLocale)
    const translated = leaves(locale)
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort())
    for (const [path, value] of Object.entries(translated)) {
      expect(value, path).not.toBe(english[path])
    }
  })

  it('has every message, none left in English', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(defaultErrorMessages).sort())
    for (const code of Object.keys(messages) as (keyof typeof messages)[]) {
      // A custom rule's own message passes through in any language.
      if (code === 'custom') continue
      expect(text(messages[code]), code).not.toBe(text(defaultErrorMessages[code]))
    }
  })

  it('renders the widget with no English left', async () => {
    render(
      <AssetDropzone
        strategy={partnerAssets({ token: 'wrong-token-value', apiBase: referenceUrl })}
        locale={locale}
        messages={messages}
        constraints={{ allowedTypes: ['application/pdf'] }}
        autoUpload
      />,
    )
    const refused = new File(['x'], uniqueName('note.txt'), { type: 'text/plain' })
    const failing = pdfFile(uniqueName('report.pdf'), 400)
    const data = new DataTransfer()
    data.items.add(refused)
    data.items.add(failing)
    const area = screen.getByText(locale.dropHere).closest('div') as HTMLElement
    for (const type of ['dragenter', 'dragover', 'drop']) {
      area.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
      )
    }
    const list = () => screen.getByRole('list', { name: locale.files })
    await waitFor(() => expect(within(list()).getByText(locale.status.failed)).toBeTruthy())
    const shown = document.body.textContent ?? ''
    for (const english of [
      englishLocale.dropHere,
      englishLocale.chooseFiles,
      englishLocale.status.rejected,
      englishLocale.status.failed,
      'This type of file',
      'Not signed in',
      'failed to upload',
    ]) {
      expect(shown).not.toContain(english)
    }
    expect(shown).toContain(locale.status.rejected)
  })
})

describe('switching the language while the widget is mounted', () => {
  /** Drops `files` on the widget's drop area. */
  const drop = (area: HTMLElement, ...files: File[]) => {
    const data = new DataTransfer()
    for (const file of files) data.items.add(file)
    for (const type of ['dragenter', 'dragover', 'drop']) {
      area.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
      )
    }
  }

  it('shows every refusal in the new language: those before the switch and those after', async () => {
    const strategy = partnerAssets({ token: 'wrong-token-value', apiBase: referenceUrl })
    const constraints = { allowedTypes: ['application/pdf'] }
    const { rerender } = render(<AssetDropzone strategy={strategy} constraints={constraints} />)
    const area = () => document.querySelector('.assetdrop-droparea') as HTMLElement
    drop(area(), new File(['x'], uniqueName('before.txt'), { type: 'text/plain' }))
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: englishLocale.files })).getByText(
          /This type of file is not allowed/,
        ),
      ).toBeTruthy(),
    )

    const heard: string[] = []
    rerender(
      <AssetDropzone
        strategy={strategy}
        constraints={constraints}
        locale={de.locale}
        messages={de.messages}
        onFileRejected={({ issues }) => heard.push(...issues.map((issue) => issue.message))}
      />,
    )
    drop(area(), new File(['x'], uniqueName('after.txt'), { type: 'text/plain' }))
    const list = () => screen.getByRole('list', { name: de.locale.files })
    await waitFor(() =>
      expect(within(list()).getAllByText(de.locale.status.rejected)).toHaveLength(2),
    )
    // Both rows read German, and so does the refusal the app heard of after the switch.
    const german = (de.messages['file-type-not-allowed'] as (params: MessageParams) => string)({
      allowed: 'PDF',
    })
    expect(german).not.toContain('This type of file')
    expect(within(list()).getAllByText(german)).toHaveLength(2)
    expect(heard).toEqual([german])
  })
})

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { defaultErrorMessages } from '../src/core/messages'
import { AssetUploader } from '../src/dashboard/AssetUploader'
import * as de from '../src/dashboard/locales/de'
import * as es from '../src/dashboard/locales/es'
import * as fr from '../src/dashboard/locales/fr'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import { englishLocale } from '../src/react/locale'
import { demoCredentials as c } from '../test/server/demo'

const languages = {
  en: { locale: englishLocale, messages: defaultErrorMessages, uppyLocale: undefined },
  de,
  fr,
  es,
}

interface LocalesDemoProps {
  /** The language: English is built in; `assetdrop/locales/de`, `…/fr` and `…/es` hold the others. */
  language: keyof typeof languages
  /** The widget: assetdrop's own, or Uppy's Dashboard (`assetdrop/dashboard/locales/de`…, with Uppy's pack). */
  widget: 'AssetDropzone' | 'AssetUploader'
}

/** Either widget in each language: drop a text file to read a refusal in it. */
export function LocalesDemo({ language, widget }: LocalesDemoProps) {
  const strategy = useMemo(() => partnerAssets({ token: c.partnerToken }), [])
  const { locale, messages, uppyLocale } = languages[language]
  const constraints = { allowedTypes: ['image/*', '.pdf'] }
  return (
    <div style={{ maxWidth: 640 }} lang={language}>
      {widget === 'AssetUploader' ? (
        <AssetUploader
          key={language}
          strategy={strategy}
          locale={locale}
          messages={messages}
          {...(uppyLocale && { uppyLocale })}
          constraints={constraints}
        />
      ) : (
        <AssetDropzone
          key={language}
          strategy={strategy}
          locale={locale}
          messages={messages}
          constraints={constraints}
        />
      )}
    </div>
  )
}

const meta = {
  title: 'Widgets/Languages',
  component: LocalesDemo,
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['LocalesDemo'],
  tags: ['autodocs'],
  args: { language: 'de', widget: 'AssetDropzone' },
  argTypes: {
    language: {
      control: 'inline-radio',
      options: Object.keys(languages),
    },
    widget: {
      control: 'inline-radio',
      options: ['AssetDropzone', 'AssetUploader'],
    },
  },
  parameters: {
    docs: {
      description: {
        component:
          "Every string and message in English, German, French or Spanish: `import { locale, messages } from 'assetdrop/locales/de'`, then `<AssetDropzone locale={locale} messages={messages} />`; for the Dashboard, `import { locale, messages, uppyLocale } from 'assetdrop/dashboard/locales/de'`, then `<AssetUploader locale={locale} messages={messages} uppyLocale={uppyLocale} />`.",
      },
    },
  },
} satisfies Meta<typeof LocalesDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Switch the language in the controls. */
export const Languages: Story = {}

/** Uppy's Dashboard in German: Uppy's own strings from its pack, assetdrop's around it. */
export const DashboardLanguages: Story = { args: { widget: 'AssetUploader' } }

import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import { defaultErrorMessages } from '../src/core/messages'
import * as de from '../src/locales/de'
import * as es from '../src/locales/es'
import * as fr from '../src/locales/fr'
import { partnerAssets } from '../src/presets/partnerAssets'
import { AssetDropzone } from '../src/react/AssetDropzone'
import { englishLocale } from '../src/react/locale'
import { demoCredentials as c } from '../test/server/demo'

const languages = {
  en: { locale: englishLocale, messages: defaultErrorMessages },
  de,
  fr,
  es,
}

interface LocalesDemoProps {
  /** The language: English is built in; `assetdrop/locales/de`, `…/fr` and `…/es` hold the others. */
  language: keyof typeof languages
}

/** `<AssetDropzone>` in each language: drop a text file to read a refusal in it. */
function LocalesDemo({ language }: LocalesDemoProps) {
  const strategy = useMemo(() => partnerAssets({ token: c.partnerToken }), [])
  const { locale, messages } = languages[language]
  return (
    <div style={{ maxWidth: 640 }} lang={language}>
      <AssetDropzone
        key={language}
        strategy={strategy}
        locale={locale}
        messages={messages}
        constraints={{ allowedTypes: ['image/*', '.pdf'] }}
      />
    </div>
  )
}

const meta = {
  title: 'Widgets/Languages',
  component: LocalesDemo,
  tags: ['autodocs'],
  args: { language: 'de' },
  argTypes: { language: { control: 'inline-radio', options: Object.keys(languages) } },
  parameters: {
    docs: {
      description: {
        component:
          "Every string and message in English, German, French or Spanish: `import { locale, messages } from 'assetdrop/locales/de'`, then `<AssetDropzone locale={locale} messages={messages} />`.",
      },
    },
  },
} satisfies Meta<typeof LocalesDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Switch the language in the controls. */
export const Languages: Story = {}

import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'
import { referenceBackends } from '../test/server/vitePlugin.ts'

const config: StorybookConfig = {
  stories: ['../docs/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding checklist in the sidebar: the stories explain themselves.
  features: { sidebarOnboardingChecklist: false },
  // The reference backends answer on Storybook's own origin, so the demos upload for real.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { plugins: [referenceBackends()] }),
}

export default config

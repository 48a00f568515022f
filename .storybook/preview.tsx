import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import '../src/styles.css'
import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // A toolbar switch for every story: the widgets' theme (through an ancestor's
  // `data-assetdrop-theme`), on a page of the opposite colour, so both combinations are seen.
  globalTypes: {
    theme: {
      description: 'The widgets’ theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: ['auto', 'light', 'dark'],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto' },
  decorators: [
    (Story, context) => {
      const theme = String(context.globals.theme ?? 'auto')
      return (
        <div
          data-assetdrop-theme={theme}
          style={{
            padding: 16,
            background: theme === 'dark' ? '#f4f5f7' : theme === 'light' ? '#1b1f27' : undefined,
          }}
        >
          <Story />
        </div>
      )
    },
  ],
}

export default preview

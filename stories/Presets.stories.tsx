import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'
import type { FileInfo } from '../src/core/asset'
import { backofficeImages } from '../src/presets/backofficeImages'
import { dinteroAssets } from '../src/presets/dinteroAssets'
import { indreamUploads } from '../src/presets/indreamUploads'
import { partnerAssets } from '../src/presets/partnerAssets'
import { projectAssets } from '../src/presets/projectAssets'
import { presignThrough } from '../test/server/clients'
import { demoCredentials as c } from '../test/server/demo'
import { Demo } from './Demo'

type PresetName =
  | 'dinteroAssets'
  | 'partnerAssets'
  | 'indreamUploads'
  | 'projectAssets'
  | 'backofficeImages'

interface PresetDemoProps {
  /** Which preset uploads: one per API document, each against its reference backend. */
  preset: PresetName
  /** Whether files upload as soon as they are dropped. */
  autoUpload: boolean
}

/** The demo app's own presign endpoint (the reference backend's `/app/presign`, same origin). */
const presign = (file: FileInfo) => presignThrough('', file)

const presets: Record<PresetName, { make: () => ReturnType<typeof partnerAssets>; note: string }> =
  {
    dinteroAssets: {
      make: () =>
        dinteroAssets({ accountId: c.dinteroAccountId, token: c.dinteroToken, apiBase: '' }),
      note: 'PNG, JPEG, PDF, XLS, XLSX or CSV, up to 2 MB: presigned PUT to the S3 store',
    },
    partnerAssets: {
      make: () => partnerAssets({ token: c.partnerToken }),
      note: 'Any file: multipart form',
    },
    indreamUploads: {
      make: () => indreamUploads({ apiKey: c.indreamApiKey, apiBase: '' }),
      note: 'Any file: sent as the whole request body',
    },
    projectAssets: {
      make: () => projectAssets({ projectId: c.projectId, apiKey: c.projectApiKey, presign }),
      note: 'Edit the title, description, category and tags per file, then upload',
    },
    backofficeImages: {
      make: () =>
        backofficeImages({
          apiKey: c.backofficeApiKey,
          imageUrl: (key) => new URL(`/${key}`, window.location.href).href,
        }),
      note: 'JPEG, PNG, GIF or WebP, checked by content, up to 15 MB',
    },
  }

/** One preset against its reference backend. */
export function PresetDemo({ preset, autoUpload }: PresetDemoProps) {
  const strategy = useMemo(() => presets[preset].make(), [preset])
  return (
    <Demo
      key={`${preset}:${autoUpload}`}
      strategy={strategy}
      note={presets[preset].note}
      autoUpload={autoUpload}
    />
  )
}

const meta = {
  title: 'Presets',
  component: PresetDemo,
  // Exported for the docs to read its props' comments, not a story.
  excludeStories: ['PresetDemo'],
  tags: ['autodocs'],
  args: { autoUpload: false },
  argTypes: { preset: { control: 'select', options: Object.keys(presets) } },
  parameters: {
    docs: {
      description: {
        component:
          'Each preset is configured with what a user of its API has (account id, token, API key, project id) and brings the document’s limits, headers and response mapping. These stories upload for real to the reference backends that `npm start` runs beside Storybook.',
      },
    },
  },
} satisfies Meta<typeof PresetDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Document 000: asks the account assets API for an upload URL, then PUTs the bytes to S3. */
export const DinteroAssets: Story = { args: { preset: 'dinteroAssets' } }

/** Document 001: a multipart form with `name` and `file`, answered with a `CompanyAsset`. */
export const PartnerAssets: Story = { args: { preset: 'partnerAssets' } }

/** Document 002: the file as the whole body, its name in `x-file-name`. */
export const IndreamUploads: Story = { args: { preset: 'indreamUploads' } }

/** Document 003: a presigned PUT to the app's bucket, then the key registered with its metadata. */
export const ProjectAssets: Story = { args: { preset: 'projectAssets' } }

/** Document 004: images only, in the multipart field `image`. */
export const BackofficeImages: Story = { args: { preset: 'backofficeImages' } }

import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AssetUploader } from '../../src/dashboard/AssetUploader'
import { partnerAssets } from '../../src/presets/partnerAssets'
import { AssetDropzone } from '../../src/react/AssetDropzone'
import { AssetList } from '../../src/react/AssetList'

describe('server rendering', () => {
  it('renders <AssetDropzone> in Node without touching window', () => {
    expect(typeof globalThis.window).toBe('undefined')
    const html = renderToString(<AssetDropzone strategy={partnerAssets({ token: 't' })} />)
    expect(html).toContain('Choose files')
    expect(html).toContain('aria-label="File upload"')
  })

  it('renders <AssetUploader> (the Dashboard mounts in the browser only)', () => {
    const html = renderToString(<AssetUploader strategy={partnerAssets({ token: 't' })} />)
    expect(html).toContain('assetdrop-uploader')
  })

  it('renders <AssetList> with safe links', () => {
    const html = renderToString(
      <AssetList
        assets={[
          {
            id: 'a',
            name: 'a.png',
            mimeType: 'image/png',
            size: 10,
            url: 'https://x/a.png',
            previews: {},
            strategy: 'multipart-form',
            fileId: 'f',
            response: {},
          },
        ]}
      />,
    )
    expect(html).toContain('rel="noopener noreferrer"')
  })
})

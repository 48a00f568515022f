import { useState } from 'react'
import type { AssetRecord } from '../src/core/asset'
import type { UploadStrategy } from '../src/core/strategy'
import { AssetUploader } from '../src/dashboard/AssetUploader'

/** Props of {@link Demo}. */
export interface DemoProps {
  /** The strategy or preset to upload with. */
  readonly strategy: UploadStrategy
  /** A hint shown in the Dashboard. */
  readonly note?: string
  /** Whether files upload as soon as they are dropped. */
  readonly autoUpload?: boolean
}

/** `<AssetUploader>` against a reference backend, with the asset records it returned. */
export function Demo({ strategy, note, autoUpload = false }: DemoProps) {
  const [records, setRecords] = useState<AssetRecord[]>([])
  return (
    <div style={{ maxWidth: 720 }}>
      <AssetUploader
        strategy={strategy}
        autoUpload={autoUpload}
        {...(note !== undefined && { note })}
        onAssetUploaded={({ asset }) => setRecords((previous) => [...previous, asset])}
      />
      {records.length > 0 && (
        <section aria-label="Asset records">
          <h2 style={{ font: '600 14px system-ui' }}>Asset records</h2>
          <pre style={{ fontSize: 12, overflow: 'auto', maxHeight: 320 }}>
            {JSON.stringify(records, null, 2)}
          </pre>
        </section>
      )}
    </div>
  )
}

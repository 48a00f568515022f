import { useEffect, useState } from 'react'

/**
 * An object URL for `blob` (a preview of bytes the page holds), made after render and revoked
 * when the blob changes or the component goes; `undefined` without a blob.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    if (!blob) return
    const objectUrl = URL.createObjectURL(blob)
    setUrl(objectUrl)
    return () => URL.revokeObjectURL(objectUrl)
  }, [blob])
  // Without a blob, no URL: not the one revoked with the last blob.
  return blob && url
}

import type { Plugin } from 'vite'
import { FaultRegistry } from './faults.ts'
import { createReferenceBackends } from './referenceServer.ts'
import { startS3Store } from './s3.ts'

/**
 * Serves every reference backend from the Vite (and so Storybook) dev server, same origin, with
 * the S3 store on a port of its own beside it.
 */
export function referenceBackends(): Plugin {
  return {
    name: 'assetdrop:reference-backends',
    async configureServer(server) {
      const faults = new FaultRegistry()
      const s3 = await startS3Store({ faults })
      // Vitest runs Vite without an HTTP server of its own, so close the store with Vite itself.
      const close = server.close.bind(server)
      server.close = async () => {
        await s3.close()
        return close()
      }
      const backends = createReferenceBackends({ s3: () => s3, faults })
      server.middlewares.use((request, response, next) => {
        backends
          .handle(request, response)
          .then((handled) => {
            if (!handled) next()
          })
          .catch(next)
      })
    },
  }
}

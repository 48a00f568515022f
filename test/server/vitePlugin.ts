import type { Plugin } from 'vite'
import { createReferenceBackends } from './referenceServer.ts'

/** Serves every reference backend from the Vite (and so Storybook) dev server, same origin. */
export function referenceBackends(): Plugin {
  return {
    name: 'assetdrop:reference-backends',
    configureServer(server) {
      const backends = createReferenceBackends()
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

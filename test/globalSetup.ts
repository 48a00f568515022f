import type { TestProject } from 'vitest/node'
import { startReferenceServer } from './server/referenceServer'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin of the reference backends for this test run, on 127.0.0.1. */
    referenceUrl: string
    /** The major version of React the project's component tests run against. */
    reactMajor: string
  }
}

/** Starts the reference backends on 127.0.0.1 for the browser tests, and stops them after. */
export default async function setup(project: TestProject) {
  const server = await startReferenceServer()
  project.provide('referenceUrl', server.url)
  return () => server.close()
}

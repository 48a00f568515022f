// Every browser project's setup: testing-library's waits (`waitFor`, `findBy…`) last until what
// they wait for happens, bounded only by the test's own limit (see test/limits.ts), not by their
// default second, which a busy machine's upload can outlast.
import { configure } from '@testing-library/react'
import { waitLimit } from './limits'

configure({ asyncUtilTimeout: waitLimit })

import { cleanup, configure } from '@testing-library/react'
import { afterAll } from 'vitest'

// waitFor/findBy give up after 1 s by default: on a 2-core CI machine shared with other jobs a screen's
// refresh can take longer than that, and the test would fail for the machine's load, not the app's. A
// passing wait returns as soon as its condition holds, so only a real failure waits the full 5 s.
configure({ asyncUtilTimeout: 5_000 })

// Files share a worker's modules (isolate: false): what one file left mounted is unmounted before the next,
// as a fresh module graph per file did, so its timers and subscriptions never run into another file.
afterAll(cleanup)

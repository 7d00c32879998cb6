import { createClient, pickTransport } from '../api'
import { parseHash } from '../stores/app/location'
import { createStores, type Stores } from '../stores'

/** The client and the stores, started on the route the window was opened on (its URL hash). */
export function startStores(): Stores {
  const client = createClient(pickTransport())
  const start = parseHash(window.location.hash)
  return createStores(client, {
    initialRoute: start?.route ?? 'prompts',
    initialPrompt: start?.prompt,
    initialDataset: start?.dataset,
    initialRun: start?.run,
    initialQueue: start?.queue,
    initialCompareRuns: start?.compareRuns,
  })
}

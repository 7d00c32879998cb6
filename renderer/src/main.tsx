import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient, pickTransport } from './api'
import { App } from './features/shell/App'
import { parseHash } from './stores/app/location'
import { createStores } from './stores'
import './styles.css'

const client = createClient(pickTransport())
const start = parseHash(window.location.hash)
const stores = createStores(client, {
  initialRoute: start?.route ?? 'prompts',
  initialPrompt: start?.prompt,
  initialDataset: start?.dataset,
  initialRun: start?.run,
  initialQueue: start?.queue,
})
const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
)

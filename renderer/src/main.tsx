import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient, pickTransport } from './api'
import { App } from './features/shell/App'
import { routeFromHash } from './features/shell/route-hash'
import { createStores } from './stores'
import './styles.css'

const client = createClient(pickTransport())
const stores = createStores(client, { initialRoute: routeFromHash(window.location.hash) ?? 'prompts' })
const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
)

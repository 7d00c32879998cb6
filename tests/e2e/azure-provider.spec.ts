import { startMockLlmServer, type MockLlmServer } from '../fixtures/mock-llm'
import { AppPage } from './pages/app-page'
import { RunsPage } from './pages/runs-page'
import { SettingsPage } from './pages/settings-page'
import { expect, test } from './fixtures'

// The team's Azure OpenAI resource (the mock speaking Azure's URL form), added in Settings as "azure-prod"
// with its key in the host's environment, then used for a run of the demo tickets.
const KEY = 'azure-e2e-key-0001'
// The host process inherits this process's environment, as a user exports the key before starting the app.
process.env['EVALLAB_AZURE_PROD_API_KEY'] = KEY
const model = 'gpt-4o-mini-2024-07-18'

let server: MockLlmServer
test.beforeEach(async () => {
  server = await startMockLlmServer({ azureDeployments: { 'prod-mini': model }, apiKey: KEY })
})
test.afterEach(async () => server.close())

test('adds an Azure OpenAI provider in Settings and runs the demo tickets through its deployment', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('settings').click()
  const settings = new SettingsPage(page)
  const row = await settings.addAzureOpenAi({
    name: 'azure-prod',
    endpoint: server.url,
    apiVersion: '2024-10-21',
    deployments: { [model]: 'prod-mini' },
  })
  await expect(row.getByTestId('provider-cloud')).toHaveText(
    ' · api-version 2024-10-21 · 1 deployment mapped',
  )
  await expect(settings.keySource('azure-prod')).toHaveText('environment (EVALLAB_AZURE_PROD_API_KEY)')
  // An Azure resource is hosted whatever its URL: priced as the underlying OpenAI model.
  await expect(settings.locality('azure-prod')).toHaveAttribute('data-local', 'false')

  await app.nav('runs').click()
  const runs = new RunsPage(page)
  await runs.planDemoRun({
    prompt: 'Ticket triage',
    versions: [1],
    concurrency: 8,
    name: 'Azure prod',
    models: [],
  })
  await runs.addModel(`azure-prod/${model}`)
  await runs.start()
  await runs.waitForStatus('completed', 60_000)
  expect(server.stats.byModel[model]).toBeGreaterThan(0)
  await runs.showResults()
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(server.stats.byModel[model]))
})

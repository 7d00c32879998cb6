import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { call, demoCore } from '../core/core-calls'
import { buildSignedBaseline, triageResponder } from './cli-helpers'
import { described, spawnEvallab } from './spawn-bin'

// The built bin against an Azure OpenAI provider on the mock: from a workspace's Settings, and from the
// environment (EVALLAB_<NAME>_KIND…). The mock serves deployment "prod-mini" as gpt-4o-mini.
const newHome = useTempHomes()
const startServer = useMockLlmServer()
const API_VERSION = '2024-10-21'

async function azureMock() {
  return startServer({
    responder: triageResponder,
    azureDeployments: { 'prod-mini': 'gpt-4o-mini' },
    recordRequests: 100,
  })
}

describe('the built evallab bin with an Azure OpenAI provider', () => {
  it('run --prompt in a workspace uses the stored azure-prod provider: deployments, key, priced cost', async () => {
    const server = await azureMock()
    const home = newHome()
    await buildSignedBaseline(home, server.openaiBaseUrl, join(newHome(), 'evals'), { cases: 12 })
    const core = demoCore(home, { seedDemo: false })
    await call(core, 'providers.save', {
      ...{ name: 'azure-prod', kind: 'azure-openai', baseUrl: server.url, apiVersion: API_VERSION },
      ...{ deployments: { 'gpt-4o-mini': 'prod-mini' }, concurrency: 4, requestsPerMinute: null },
    })
    core.close()
    const args = [
      'run',
      '--prompt',
      'Ticket triage',
      '--workspace',
      home,
      '--model',
      'azure-prod/gpt-4o-mini',
    ]
    const run = await spawnEvallab(args, { EVALLAB_AZURE_PROD_API_KEY: 'azure-key-42' })
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/completed \(12\/12 calls\)/)
    expect(run.stdout).toMatch(/azure-prod\/gpt-4o-mini/)
    expect(run.stdout).toMatch(/cost per interaction \$\d/)
    const seen = server.requests.map((r) => r.request).filter((r) => r.body['model'] === 'prod-mini')
    expect(seen.filter((r) => r.model === 'gpt-4o-mini')).toHaveLength(12)
    expect(
      seen.every((r) => r.body['model'] === 'prod-mini' && r.headers['api-key'] === 'azure-key-42'),
    ).toBe(true)
  }, 60_000)

  it('gate from the environment (KIND, BASE_URL, API_VERSION, DEPLOYMENTS, AD token) passes the baseline', async () => {
    const server = await startServer({
      responder: triageResponder,
      azureDeployments: { 'prod-triage': 'triage-good' },
      recordRequests: 50,
    })
    const { folder } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(newHome(), 'evals'))
    const vars = {
      EVALLAB_AZURE_PROD_KIND: 'azure-openai',
      EVALLAB_AZURE_PROD_BASE_URL: server.url,
      EVALLAB_AZURE_PROD_API_VERSION: API_VERSION,
      EVALLAB_AZURE_PROD_DEPLOYMENTS: 'triage-good=prod-triage',
      AZURE_OPENAI_AD_TOKEN: 'entra-tok',
    }
    const gate = await spawnEvallab(['gate', folder, '--model', 'azure-prod/triage-good'], vars)
    expect(gate.code, described(gate)).toBe(0)
    expect(gate.stdout).toMatch(/^Gate PASS .*Ticket triage: v1 × azure-prod\/triage-good/m)
    // The baseline ran through openai/… on the same mock; the gate's calls came through Azure's route.
    const azureCalls = server.requests.filter((r) => r.request.body['model'] === 'prod-triage')
    expect(azureCalls.length).toBeGreaterThan(0)
    expect(azureCalls.every((r) => r.request.headers.authorization === 'Bearer entra-tok')).toBe(true)

    const bad = await spawnEvallab(['gate', folder, '--model', 'azure-prod/triage-good'], {
      ...vars,
      EVALLAB_AZURE_PROD_API_VERSION: 'latest',
    })
    expect(bad.code, described(bad)).toBe(3)
    expect(bad.stderr.split('\n')[0]).toBe(
      'evallab gate: EVALLAB_AZURE_PROD_API_VERSION: An API version looks like 2024-10-21 (or 2025-01-01-preview)',
    )
  }, 60_000)
})

import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { ProviderList } from '../../../../shared/domain/providers'
import type { Run, RunProgress, RunResultPage } from '../../../../shared/domain/runs'
import type { MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'
import { fakeKeychain } from '../fake-secrets'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const stored = 'sk-keychain-a1b2c3d4e5f6'
const fromEnv = 'sk-environment-9z8y7x6w5v'

/** Runs the triage prompt against a provider named "mock" and returns the finished run. */
async function runAgainstMock(core: Core): Promise<Run> {
  const triage = await promptNamed(core, 'Ticket triage')
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  const run = await call<Run>(core, 'runs.start', {
    name: 'secrecy',
    promptVersionIds: [triage.version.id],
    models: [{ provider: 'mock', model: 'gpt-4o-mini' }],
    datasetId: dataset?.id,
    useCache: false,
  })
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== run.id || p.status === 'running') return
      stop()
      void call<Run>(core, 'runs.get', { id: run.id }).then(resolve)
    })
  })
}

async function openWithMock(
  home: string,
  server: MockLlmServer,
  options: Partial<CoreOptions>,
): Promise<Core> {
  const core = demoCore(home, options)
  await call(core, 'providers.save', {
    name: 'mock',
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    concurrency: 8,
  })
  return core
}

/** Every byte the workspace wrote: the database, its WAL and anything else in the data folder. */
function workspaceBytes(home: string): Buffer {
  return Buffer.concat(
    readdirSync(home, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
  )
}

function auditText(home: string): string {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    return JSON.stringify(db.prepare('SELECT * FROM audit_log').all())
  } finally {
    db.close()
  }
}

describe('API keys never leave the main process', () => {
  it('a keychain key is used for calls but is in no answer, audit entry or workspace byte', async () => {
    const server = await startMock({ apiKey: stored })
    const home = tempHome()
    const keyDir = tempHome()
    const core = await openWithMock(home, server, {
      secrets: await fakeKeychain(keyDir),
      runner: { env: { EVALLAB_OTHER_API_KEY: fromEnv }, flushMs: 20 },
    })
    await call(core, 'providers.save', { name: 'other', kind: 'openai', concurrency: 1 })
    const view = await call(core, 'providers.setKey', { name: 'mock', apiKey: stored })
    const list = await call<ProviderList>(core, 'providers.list', {})
    expect(list.providers.find((p) => p.name === 'mock')?.keySource).toBe('keychain')
    expect(list.providers.find((p) => p.name === 'other')?.keySource).toBe('environment')

    const run = await runAgainstMock(core)
    expect(run.status).toBe('completed')
    expect(run.counts.errors).toBe(0) // the server accepted the stored key on every call
    const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    for (const answer of [view, list, run, page]) {
      expect(JSON.stringify(answer)).not.toContain(stored)
      expect(JSON.stringify(answer)).not.toContain(fromEnv)
    }
    core.close()

    expect(auditText(home)).toContain('provider.keySet')
    expect(auditText(home)).not.toContain(stored)
    const bytes = workspaceBytes(home)
    // What was saved is in these bytes (so the search below can see stored text), the keys are not.
    expect(bytes.includes(server.openaiBaseUrl)).toBe(true)
    for (const secret of [stored, fromEnv]) {
      expect(bytes.includes(secret)).toBe(false)
      expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false)
    }
    expect(workspaceBytes(keyDir).includes(stored)).toBe(false)
  })

  it('an environment key (browser host, CLI) is used for calls and likewise never stored or returned', async () => {
    const server = await startMock({ apiKey: fromEnv })
    const home = tempHome()
    const core = await openWithMock(home, server, {
      runner: { env: { EVALLAB_MOCK_API_KEY: fromEnv }, flushMs: 20 },
    })
    const list = await call<ProviderList>(core, 'providers.list', {})
    expect(list.secretStore.kind).toBe('environment')
    expect(list.providers.find((p) => p.name === 'mock')).toMatchObject({
      keySource: 'environment',
      keyEnvVar: 'EVALLAB_MOCK_API_KEY',
    })
    const run = await runAgainstMock(core)
    expect(run).toMatchObject({ status: 'completed', counts: { errors: 0 } })
    expect(JSON.stringify(list)).not.toContain(fromEnv)
    core.close()
    expect(existsSync(join(home, 'evallab.db'))).toBe(true)
    expect(workspaceBytes(home).includes(fromEnv)).toBe(false)
  })
})

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'

// The e2e phase runs after `electron-vite build`: this is where the package's bin is checked as users run it —
// `node bin/evallab.mjs` on the built out/main/cli.js, in a plain Node process without Electron.
const repo = resolve(import.meta.dirname, '../..')
const bin = join(repo, 'bin', 'evallab.mjs')

interface CoreModule {
  openCore(options: { home: string; runner: { demoLatencyScale: number } }): {
    dispatch(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>
    close(): void
  }
}

function evallab(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } })
}

/** The demo's v4 × March run, scored and set as the baseline, in a fresh workspace of the built core. */
async function demoBaselineWorkspace(home: string): Promise<void> {
  const url = pathToFileURL(join(repo, 'out', 'main', 'core.js')).href
  const { openCore } = (await import(url)) as CoreModule
  const core = openCore({ home, runner: { demoLatencyScale: 0 } })
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
    return result.value as T
  }
  const prompt = (await call<{ id: string; name: string }[]>('prompts.list', {})).find(
    (p) => p.name === 'Ticket triage',
  )
  const detail = await call<{ versions: { id: string; number: number }[] }>('prompts.get', { id: prompt?.id })
  const v4 = detail.versions.find((v) => v.number === 4)
  const [dataset] = await call<{ id: string }[]>('datasets.list', {})
  const model = { provider: 'demo', model: 'triage-sim-2026-03' }
  const run = await call<{ id: string }>('runs.start', {
    name: 'Baseline',
    promptVersionIds: [v4?.id],
    models: [model],
    datasetId: dataset?.id,
  })
  await expect
    .poll(async () => (await call<{ status: string }>('runs.get', { id: run.id })).status, {
      timeout: 30_000,
    })
    .toBe('completed')
  await call('runs.score', { runId: run.id })
  const slice = { promptVersionId: v4?.id, provider: model.provider, modelId: model.model }
  await call('baselines.set', { promptId: prompt?.id, runId: run.id, slice, note: 'e2e' })
  core.close()
}

test('the built evallab bin exports a baseline folder, verifies it and names a tampered file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'evallab-bin-'))
  try {
    const help = evallab(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('gate')

    const home = join(root, 'workspace')
    await demoBaselineWorkspace(home)
    const exported = evallab([
      'export',
      '--prompt',
      'Ticket triage',
      '--out',
      join(root, 'evals'),
      '--workspace',
      home,
    ])
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)

    const folder = join(root, 'evals', 'ticket-triage')
    expect(evallab(['verify', folder]).status).toBe(0)
    const results = join(folder, 'baseline', 'results.jsonl')
    writeFileSync(results, readFileSync(results, 'utf8').replace('"repeat":0', '"repeat":1'))
    const tampered = evallab(['verify', folder])
    expect(tampered.status).toBe(1)
    expect(`${tampered.stdout}${tampered.stderr}`).toContain('baseline/results.jsonl')
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

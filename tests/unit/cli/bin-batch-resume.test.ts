/**
 * Acceptance of issue 21's batch mode, end to end: a 2,000-call run sent with `evallab run --batch` against the
 * mock server's OpenAI Batch endpoints (POST /v1/files, POST /v1/batches, GET /v1/batches/{id},
 * GET /v1/files/{id}/content, POST /v1/batches/{id}/cancel), the CLI process killed (SIGKILL) while the batch
 * is pending, then `evallab run --resume RUN_ID` in a new process: the run completes with every result once,
 * the mock received each request once, and the run cost half the streamed run's.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../shared/domain/runs'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import { ownWorkspace, settled } from '../core/runs/own-provider'
import { binPath, described, spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()
const startServer = useMockLlmServer()
const model = { provider: 'acme-openai', model: 'gpt-4o-mini' }
const keyVar = { EVALLAB_ACME_OPENAI_API_KEY: 'sk-acme' }

/** The workspace's batch jobs and results, read as the killed process left them. */
function stored(home: string) {
  const db = new Database(join(home, 'evallab.db'), { readonly: true, fileMustExist: true })
  try {
    const jobs = db.prepare('SELECT state, remote_id FROM run_batch_jobs').all() as { state: string }[]
    const items = db.prepare('SELECT COUNT(*) AS n FROM run_batch_items').get() as { n: number }
    return { jobs, items: items.n }
  } finally {
    db.close()
  }
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A workspace with 2,000 cases, its provider stored, and a streamed run of them as the baseline. */
async function streamedBaseline(home: string, baseUrl: string) {
  const ws = await ownWorkspace(home, model, { rows: 2000, runner: { env: keyVar } })
  await call(ws.core, 'providers.save', { name: 'acme-openai', kind: 'openai', baseUrl, concurrency: 32 })
  const plan = { promptVersionIds: ws.versionIds, models: [model], datasetId: ws.datasetId, useCache: false }
  const streamed = await call<Run>(ws.core, 'runs.start', { ...plan, name: 'Streamed' })
  const done = await settled(ws.core, streamed.id)
  expect(done.status).toBe('completed')
  const promptId = (await call<{ id: string }[]>(ws.core, 'prompts.list', {}))[0]?.id
  const slice = { promptVersionId: ws.versionIds[0], provider: model.provider, modelId: model.model }
  await call(ws.core, 'baselines.set', { promptId, runId: streamed.id, slice })
  ws.core.close()
  return done
}

describe('evallab run --batch, killed while the batch is pending, then --resume', () => {
  it('completes a 2,000-call batch run once, at half the streamed cost', async () => {
    const server = await startServer({ latencyMs: 0 })
    // Streamed first, at once; the batch then takes a few seconds at the provider, long enough to be killed.
    const home = newHome()
    const streamed = await streamedBaseline(home, server.openaiBaseUrl)
    const batchDelayMs = 1_500
    server.setBehavior({ batchDelayMs })

    const args = [
      'run',
      '--prompt',
      'Refund triage',
      '--workspace',
      home,
      '--batch',
      '--model',
      'acme-openai/gpt-4o-mini',
    ]
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, CI: '1', ...keyVar },
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = new Promise((resolve) => child.on('close', resolve))
    await until(() => /Batch run (run_\w+)/.test(stderr), 'the batch run to start')
    const runId = /Batch run (run_\w+)/.exec(stderr)?.[1] ?? ''
    await until(() => stored(home).jobs.some((j) => j.state === 'submitted'), 'a submitted batch job')
    // The mock created the job before the CLI stored it as submitted: from here its clock ends it in time.
    const endedAtMock = Date.now() + batchDelayMs
    child.kill('SIGKILL')
    await exited
    expect(stored(home).items).toBe(2000)
    // The resumed process polls at once, then only after the CLI's first poll interval (10 s): started once
    // the mock has ended the job, its first poll finds the answers instead of waiting out that interval.
    await until(() => Date.now() >= endedAtMock, 'the batch to end at the mock')

    const resumed = await spawnEvallab(['run', '--resume', runId, '--workspace', home], keyVar)
    expect(resumed.code, described(resumed)).toBe(0)
    expect(resumed.stdout).toMatch(/completed \(2000\/2000 calls\)/)

    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    const rows = db
      .prepare(
        'SELECT COUNT(*) AS n, SUM(batch) AS batch, SUM(cost_usd) AS cost FROM run_results WHERE run_id = ?',
      )
      .get(runId) as { n: number; batch: number; cost: number }
    db.close()
    expect(rows.n).toBe(2000)
    expect(rows.batch).toBe(2000)
    expect(rows.cost).toBeCloseTo(streamed.counts.spentUsd / 2, 8)
    // Each batch item ran at the mock once: the mock keys batch items by custom id (streamed calls by their
    // case key, which has '/' in it), and a custom id names one work item in every job it is sent in.
    const batchItems = [...server.stats.attempts].filter(([key]) => !key.includes('/'))
    expect(batchItems).toHaveLength(2000)
    expect(batchItems.filter(([, runs]) => runs.length !== 1)).toEqual([])
  }, 300_000)
})

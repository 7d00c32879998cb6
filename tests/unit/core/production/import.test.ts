import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DatasetCasePage, DatasetDetail, DatasetSummary } from '../../../../shared/domain/datasets'
import type {
  ProductionImport,
  ProductionPreview,
  ProductionSettings,
} from '../../../../shared/domain/production'
import type { Run, RunResultPage } from '../../../../shared/domain/runs'
import type { RunSummary } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'

const tempHome = useTempHomes()
const demoLog = join(process.cwd(), 'resources/demo/production-triage.jsonl')

/** The lead's demo log when present; else a small OpenAI-style log in the same shape. */
function productionLog(): string {
  if (existsSync(demoLog)) return readFileSync(demoLog, 'utf8')
  return Array.from({ length: 400 }, (_, i) => generatedLine(i)).join('\n')
}

function generatedLine(i: number): string {
  const version = i % 2 === 0 ? 4 : 5
  const body =
    i % 5 === 0
      ? 'No puedo acceder a mi cuenta desde ayer, necesito ayuda'
      : 'I cannot log in since yesterday, please help'
  return JSON.stringify({
    id: `chatcmpl-gen-${i}`,
    created_at: new Date(Date.UTC(2026, 10, 16, 8, i)).toISOString(),
    request: {
      model: version === 4 ? 'triage-sim-2026-03' : 'triage-sim-2026-09',
      messages: [{ role: 'user', content: body }],
    },
    response: {
      choices: [
        {
          message: {
            role: 'assistant',
            content: '{"category":"account","priority":"p2","sentiment":"negative","needs_human":false}',
          },
        },
      ],
      usage: { prompt_tokens: 100, completion_tokens: 20 },
    },
    latency_ms: 1500,
    metadata: {
      prompt_version: version,
      customer_tier: 'pro',
      channel: 'email',
      variables: { subject: 'Login', body, customer_tier: 'pro', channel: 'email' },
    },
  })
}

async function triageId(core: ReturnType<typeof demoCore>): Promise<string> {
  return (await promptNamed(core, 'Ticket triage')).prompt.id
}

describe('production.import on the demo workspace', { timeout: 30_000 }, () => {
  it('previews without writing: format, versions, period and how many would be sampled', async () => {
    const core = demoCore(tempHome())
    const promptId = await triageId(core)
    const content = productionLog()
    const preview = await call<ProductionPreview>(core, 'production.preview', {
      promptId,
      fileName: 'production-triage.jsonl',
      content,
    })
    expect(preview.format).toBe('openai-log')
    expect(preview.total).toBe(content.trim().split('\n').length)
    expect(preview.versions.map((v) => v.number)).toEqual([4, 5])
    expect(preview.sample).toHaveLength(5)
    expect(preview.sample[0]?.tags).toEqual(expect.arrayContaining([expect.stringMatching(/^segment:/)]))
    expect(preview.sample[0]?.provider).toBe('demo')
    expect(preview.wouldSample / preview.total).toBeGreaterThan(0.12)
    expect(preview.wouldSample / preview.total).toBeLessThan(0.28)
    const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
    expect(datasets.some((d) => d.name.startsWith('Production'))).toBe(false)
    core.close()
  })

  it('creates the dataset, its snapshot and a completed run that runs.score scores', async () => {
    const core = demoCore(tempHome())
    const promptId = await triageId(core)
    const imported = await call<ProductionImport>(core, 'production.import', {
      promptId,
      fileName: 'production-triage.jsonl',
      content: productionLog(),
    })
    expect(imported.scored).toBe(false)
    expect(imported.sampled).toBeGreaterThan(0)
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id: imported.datasetId })
    expect(detail.dataset.name).toBe('Production · Ticket triage')
    expect(detail.snapshots).toHaveLength(1)
    expect(detail.snapshots[0]?.caseCount).toBe(imported.sampled)
    const page = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId: imported.datasetId,
      limit: 500,
    })
    expect(page.cases[0]?.tags).toEqual(
      expect.arrayContaining(['source:production', expect.stringMatching(/^lang:/)]),
    )
    const run = await call<Run>(core, 'runs.get', { id: imported.runId })
    expect(run.status).toBe('completed')
    expect(run.counts.done).toBe(imported.sampled)
    expect(run.datasetSnapshotId).toBe(detail.snapshots[0]?.id)
    const results = await call<RunResultPage>(core, 'runs.results', { runId: run.id, limit: 500 })
    expect(results.total).toBe(imported.sampled)
    expect(results.results[0]?.request.messages.length).toBeGreaterThan(0)
    const summary = await call<RunSummary>(core, 'runs.score', { runId: run.id })
    // One slice per prompt version × model of the log; together they hold every sampled call.
    const formats = summary.slices.map((slice) =>
      slice.metrics.find((m) => m.metric === 'format.json_schema'),
    )
    expect(summary.slices.length).toBeGreaterThanOrEqual(2)
    expect(formats.reduce((n, m) => n + (m?.n ?? 0), 0)).toBe(imported.sampled)
    expect(formats.some((m) => (m?.value ?? 1) < 1)).toBe(true)
    core.close()
  })

  it('stores settings per prompt and refuses a threshold on an unknown metric', async () => {
    const core = demoCore(tempHome())
    const promptId = await triageId(core)
    const defaults = await call<ProductionSettings>(core, 'production.settings', { promptId })
    expect(defaults).toEqual({ promptId, sampleRate: 0.2, seed: 1, thresholds: [] })
    const saved: ProductionSettings = {
      promptId,
      sampleRate: 0.5,
      seed: 7,
      thresholds: [
        { metric: 'format.json_schema', direction: 'min', value: 0.95 },
        { metric: 'latency.p95_ms', direction: 'max', value: 8000 },
      ],
    }
    await call(core, 'production.saveSettings', saved)
    expect(await call(core, 'production.settings', { promptId })).toEqual(saved)
    const error = await failure(core, 'production.saveSettings', {
      ...saved,
      thresholds: [{ metric: 'made.up', direction: 'min', value: 1 }],
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/thresholds\[0\]\.metric: "made\.up"/)
    core.close()
  })

  it('leaves no dataset, run or import when the log fails part-way or nothing is sampled', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const promptId = await triageId(core)
    const lines = productionLog().trim().split('\n')
    const broken = [...lines.slice(0, 10), '{"id": "chatcmpl-x", oops', ...lines.slice(10)].join('\n')
    const bad = await failure(core, 'production.import', { promptId, fileName: 'p.jsonl', content: broken })
    expect(bad.message).toMatch(/^p\.jsonl: line 11: /)
    const duplicate = [...lines.slice(0, 3), lines[1] ?? ''].join('\n')
    const dup = await failure(core, 'production.import', {
      promptId,
      fileName: 'p.jsonl',
      content: duplicate,
    })
    expect(dup.message).toMatch(/line 4: id: call id ".+" appears twice \(also on line 2\)/)
    await call(core, 'production.saveSettings', { promptId, sampleRate: 0.0001, seed: 1, thresholds: [] })
    const none = await failure(core, 'production.import', {
      promptId,
      fileName: 'p.jsonl',
      content: lines.slice(0, 5).join('\n'),
    })
    expect(none.message).toMatch(/No call was sampled — raise the sample rate/)
    const datasets = await call<DatasetSummary[]>(core, 'datasets.list', {})
    expect(datasets.some((d) => d.name.startsWith('Production'))).toBe(false)
    const runs = await call<Run[]>(core, 'runs.list', {})
    expect(runs.some((r) => r.name.startsWith('Production sample'))).toBe(false)
    core.close()
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/main/core'
import type { BundleExport, SigningKey } from '../../../shared/domain/bundles'
import type { PromptDetail } from '../../../shared/domain/prompts'
import type { Run } from '../../../shared/domain/runs'
import type { RunSummary } from '../../../shared/domain/scoring'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { call, demoCore } from '../core/core-calls'
import { settled } from '../core/scoring/helpers'
import { triageResponder } from './cli-helpers'
import { ticket } from './signed-baseline'
import { described, spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()
const startServer = useMockLlmServer()
const cases = 12

/**
 * A promptfoo config as a team would have it: a defaultTest is-json for every test, a category check per
 * test, a javascript check on the priority and, on every third test, a weighted pair with the test's own
 * threshold (the weight-0.5 `contains: urgent` fails, the test still passes at threshold 0.6).
 */
function promptfooConfig(): string {
  const tests = Array.from({ length: cases }, (_, i) => {
    const t = ticket(i)
    const extra =
      i % 3 === 0
        ? ['      - type: contains\n        value: urgent\n        weight: 0.5', '    threshold: 0.6']
        : []
    return [
      `  - description: ticket ${i}`,
      '    vars:',
      `      text: "${t.text}"`,
      '    assert:',
      '      - type: icontains',
      `        value: '"category":"${t.category.toUpperCase()}"'`,
      '      - type: javascript',
      "        value: JSON.parse(output).priority === 'high'",
      ...extra,
    ].join('\n')
  })
  return ['defaultTest:', '  assert:', '    - type: is-json', 'tests:', ...tests].join('\n') + '\n'
}

const scorer = {
  metric: 'promptfoo.pass',
  label: 'promptfoo assertions',
  config: { kind: 'assertions', field: 'assertions', judgeModel: null },
}

async function importPromptfoo(core: Core): Promise<string> {
  const file = {
    fileName: 'promptfooconfig.yaml',
    contentBase64: Buffer.from(promptfooConfig()).toString('base64'),
  }
  const preview = await call<{ mapping: Record<string, unknown> }>(core, 'datasets.importPreview', file)
  const imported = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
    ...file,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'promptfoo tests' },
  })
  return imported.dataset.id
}

/** Both models through the app: the pass rate each gets from the promptfoo assertions scorer. */
async function runInApp(core: Core, promptId: string, versionId: string, datasetId: string) {
  const started = await call<Run>(core, 'runs.start', {
    name: 'promptfoo tests',
    promptVersionIds: [versionId],
    models: [
      { provider: 'openai', model: 'triage-good' },
      { provider: 'openai', model: 'triage-bad' },
    ],
    datasetId,
  })
  const done = settled(core, started.id)
  const now = await call<Run>(core, 'runs.get', { id: started.id })
  const run = now.status === 'running' || now.status === 'planned' ? await done : now
  expect(run.status).toBe('completed')
  const summary = await call<RunSummary>(core, 'runs.score', { runId: run.id })
  const rate = (model: string) =>
    summary.slices.find((s) => s.modelId === model)?.metrics.find((m) => m.metric === scorer.metric)
  const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
  await call(core, 'signoffs.create', {
    ...{
      promptId,
      runId: run.id,
      slice: { promptVersionId: versionId, provider: 'openai', modelId: 'triage-good' },
    },
    ...{ name: 'Priya Shah', role: 'PM', comment: 'promptfoo tests pass', keyId: key.keyId },
  })
  return { good: rate('triage-good'), bad: rate('triage-bad') }
}

async function buildBundle(home: string, baseUrl: string, exportDir: string) {
  const core = demoCore(home, {
    seedDemo: false,
    providerSettings: { openai: { kind: 'openai', baseUrl, apiKey: 'test', concurrency: 8 } },
  })
  try {
    const prompt = await call<PromptDetail>(core, 'prompts.create', {
      name: 'Ticket triage',
      messages: [
        { role: 'system', content: 'Classify the ticket. Answer JSON {category, priority}.' },
        { role: 'user', content: '{{text}}' },
      ],
      model: { provider: 'openai', model: 'triage-good' },
      params: { temperature: 0 },
      message: 'first version',
      allowNewVariables: true,
    })
    const datasetId = await importPromptfoo(core)
    await call(core, 'suites.save', {
      promptId: prompt.prompt.id,
      message: 'the promptfoo tests, gated',
      suite: { scorers: [scorer], gates: [{ kind: 'min_score', metric: scorer.metric, min: 0.99 }] },
    })
    const app = await runInApp(core, prompt.prompt.id, prompt.version.id, datasetId)
    const exported = await call<BundleExport>(core, 'bundles.export', {
      promptId: prompt.prompt.id,
      folder: exportDir,
    })
    return { folder: exported.folder, app }
  } finally {
    core.close()
  }
}

describe('evallab gate runs promptfoo assertions imported from a promptfoo config as the app does (spawned built CLI)', () => {
  it('gates.json carries the assertions scorer; min_score on it gives the app’s pass rates and verdicts', async () => {
    const server = await startServer({ responder: triageResponder })
    const dir = newHome()
    const { folder, app } = await buildBundle(newHome(), server.openaiBaseUrl, join(dir, 'evals'))
    // The app: triage-good passes every test; triage-bad answers broken JSON for tickets 1, 5 and 9 (is-json
    // and javascript fail), so 9 of 12 tests pass.
    expect(app.good).toMatchObject({ n: cases, value: 1 })
    expect(app.bad).toMatchObject({ n: cases, value: 0.75 })
    const gates = readFileSync(join(folder, 'gates.json'), 'utf8')
    expect(gates).toContain('"kind": "assertions"')

    const env = { OPENAI_API_KEY: 'test' }
    const provider = ['--provider', `openai=${server.openaiBaseUrl}`]
    const good = await spawnEvallab(['gate', folder, ...provider, '--summary', join(dir, 'good.md')], env)
    expect(good.code, described(good)).toBe(0)
    expect(readFileSync(join(dir, 'good.md'), 'utf8')).toMatch(/promptfoo\.pass[^\n]*100 %/)

    const summary = join(dir, 'bad.md')
    const bad = await spawnEvallab(
      ['gate', folder, '--model', 'openai/triage-bad', ...provider, '--summary', summary],
      env,
    )
    expect(bad.code, described(bad)).toBe(1)
    const md = readFileSync(summary, 'utf8')
    expect(md).toMatch(/\| promptfoo\.pass [^|]*\| — \| 75 % \|[^\n]*fail/)
    // The failing tests are the broken answers (tickets 1, 5, 9 are the file's rows 2, 6, 10), with promptfoo's reasons.
    const failing = [...md.matchAll(/\| promptfoo\.pass [^|]*\| (row-\d+) \| ([^|]*) \|/g)]
    expect(failing.map((m) => m[1])).toEqual(['row-0002', 'row-0006', 'row-0010'])
    expect(failing[2]?.[2]).toBe('Aggregate score 0.00 < 0.6 threshold')
    // triage-bad has no price: the run's cost is unknown, not $0.
    expect(md).toContain('Run cost unknown (no price for this model)')
    expect(md).not.toContain('$0.00000')

    // `evallab run` on the same bundle prints the same pass rate, and no $0 for the unpriced model.
    const run = await spawnEvallab(['run', folder, '--model', 'openai/triage-bad', ...provider], env)
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/^promptfoo\.pass +12 +75\.0 % /m)
    expect(run.stdout).toContain('12 results, 0 errors · cost unknown (no price for this model)')
  }, 120_000)
})

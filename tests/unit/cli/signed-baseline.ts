import type { Core } from '../../../electron/main/core'
import type { BundleExport, SigningKey } from '../../../shared/domain/bundles'
import type { DatasetDetail } from '../../../shared/domain/datasets'
import type { PromptDetail, PromptVersion } from '../../../shared/domain/prompts'
import type { Run } from '../../../shared/domain/runs'
import type { GateResult, GateRule, Scorer, SliceKey } from '../../../shared/domain/scoring'
import { call, demoCore } from '../core/core-calls'
import { settled } from '../core/scoring/helpers'

const categories = ['billing', 'bug', 'account', 'feature'] as const

/** Case i's ticket text and expected category: the responder reads the category back from the text. */
export function ticket(i: number): { text: string; category: string } {
  const category = categories[i % categories.length] ?? 'bug'
  return { text: `ticket ${i}: a ${category} problem`, category }
}

const outputSchema = {
  type: 'object',
  properties: { category: { type: 'string' }, priority: { type: 'string' } },
  required: ['category', 'priority'],
}

const defaultGates: GateRule[] = [
  { kind: 'min_score', metric: 'format.json_schema', min: 0.99 },
  { kind: 'max_drop', metric: 'rule.category', maxDropPoints: 5 },
]

export interface BaselineOptions {
  /** How many cases the dataset holds (default 40). */
  cases?: number
  /** The suite's gate rules (default: valid JSON ≥ 99 % and category at most 5 points below). */
  gates?: GateRule[]
  /** Scorers added to the suite after the default two (valid JSON, category equals). */
  extraScorers?: Scorer[]
  /**
   * The provider v1 is pinned to (default openai). Any other name is added in Settings → Providers as an
   * OpenAI-compatible server at the mock's base URL, as a user adds their own model server.
   */
  provider?: string
  /** Models of later versions (v2, v3, …), each pinned to `provider/model` with the same messages. */
  laterVersions?: readonly string[]
  /** Promote v1 to prod (approved, with its passing gate on the pinned model) before exporting. */
  promoteToProd?: boolean
}

interface Built {
  core: Core
  prompt: PromptDetail
  datasetId: string
}

/**
 * A workspace with a signed-off baseline of "Ticket triage" v1 × <provider>/triage-good on 40 cases (or
 * `options.cases`), exported to `exportDir`. Returns the prompt folder and the signer's allowed-signers content.
 */
export async function buildSignedBaseline(
  home: string,
  openaiBaseUrl: string,
  exportDir: string,
  options: BaselineOptions = {},
): Promise<{ folder: string; publicKey: string }> {
  const provider = options.provider ?? 'openai'
  const core = demoCore(home, {
    seedDemo: false,
    ...(provider === 'openai'
      ? {
          providerSettings: {
            openai: { kind: 'openai', baseUrl: openaiBaseUrl, apiKey: 'test', concurrency: 8 },
          },
        }
      : {}),
  })
  try {
    if (provider !== 'openai') {
      await call(core, 'providers.save', {
        ...{ name: provider, kind: 'openai-compatible', baseUrl: openaiBaseUrl },
        ...{ concurrency: 8, requestsPerMinute: null },
      })
    }
    const built = await createPromptAndCases(core, provider, options)
    for (const model of options.laterVersions ?? []) await saveVersion(built, { provider, model })
    const slice = await runBaseline(built, provider)
    const publicKey = await signOff(built, slice)
    if (options.promoteToProd) await promoteToProd(built, slice)
    const exported = await call<BundleExport>(core, 'bundles.export', {
      promptId: built.prompt.prompt.id,
      folder: exportDir,
    })
    return { folder: exported.folder, publicKey }
  } finally {
    core.close()
  }
}

async function createPromptAndCases(core: Core, provider: string, options: BaselineOptions): Promise<Built> {
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Ticket triage',
    messages: [
      { role: 'system', content: 'Classify the ticket. Answer JSON {category, priority}.' },
      { role: 'user', content: '{{text}}' },
    ],
    model: { provider, model: 'triage-good' },
    params: { temperature: 0, responseFormat: { type: 'json_schema', name: 'triage', schema: outputSchema } },
    message: 'first version',
    allowNewVariables: true,
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Triage cases' })
  for (let i = 0; i < (options.cases ?? 40); i++) {
    const t = ticket(i)
    await call(core, 'cases.add', {
      datasetId: dataset.dataset.id,
      fields: {
        ...{ key: `tkt-${String(i).padStart(3, '0')}`, vars: { text: t.text } },
        ...{ expected: { category: t.category }, expectedOutput: null, tags: [], notes: '' },
      },
    })
  }
  await call(core, 'suites.save', {
    promptId: prompt.prompt.id,
    message: 'format and category',
    suite: {
      scorers: [
        {
          metric: 'format.json_schema',
          label: 'Valid JSON',
          config: { kind: 'format', format: { check: 'json_schema', schema: outputSchema } },
        },
        {
          metric: 'rule.category',
          label: 'Category',
          config: { kind: 'rule', rule: { op: 'equals', path: 'category', expectedField: 'category' } },
        },
        ...(options.extraScorers ?? []),
      ],
      gates: options.gates ?? defaultGates,
    },
  })
  return { core, prompt, datasetId: dataset.dataset.id }
}

/** A new version on top of the latest, pinned to another model: same messages and parameters. */
async function saveVersion(built: Built, model: { provider: string; model: string }): Promise<void> {
  const latest = await call<PromptDetail>(built.core, 'prompts.get', { id: built.prompt.prompt.id })
  await call<PromptVersion>(built.core, 'prompts.saveVersion', {
    promptId: latest.prompt.id,
    baseVersionId: latest.version.id,
    messages: latest.version.messages,
    model,
    message: `pin ${model.provider}/${model.model}`,
  })
}

/** v1 × <provider>/triage-good, completed and scored. */
async function runBaseline(built: Built, provider: string): Promise<{ runId: string; slice: SliceKey }> {
  const v1 = built.prompt.version.id
  const started = await call<Run>(built.core, 'runs.start', {
    name: 'baseline',
    promptVersionIds: [v1],
    models: [{ provider, model: 'triage-good' }],
    datasetId: built.datasetId,
  })
  const done = settled(built.core, started.id)
  const now = await call<Run>(built.core, 'runs.get', { id: started.id })
  const run = now.status === 'running' || now.status === 'planned' ? await done : now
  if (run.status !== 'completed') throw new Error(`baseline run ${run.status}`)
  await call(built.core, 'runs.score', { runId: run.id })
  return { runId: run.id, slice: { promptVersionId: v1, provider, modelId: 'triage-good' } }
}

/** Signs the slice off as the baseline with a new key; returns the key's public file. */
async function signOff(built: Built, baseline: { runId: string; slice: SliceKey }): Promise<string> {
  const key = await call<SigningKey>(built.core, 'signingKeys.create', { owner: 'Priya Shah' })
  await call(built.core, 'signoffs.create', {
    ...{ promptId: built.prompt.prompt.id, runId: baseline.runId, slice: baseline.slice },
    ...{ name: 'Priya Shah', role: 'PM', comment: 'good enough', keyId: key.keyId },
  })
  const pub = await call<{ content: string }>(built.core, 'signingKeys.exportPublic', { keyId: key.keyId })
  return pub.content
}

/** v1 to prod the way the app requires: a passing gate on its pinned model, an approval, the promotion. */
async function promoteToProd(built: Built, baseline: { runId: string; slice: SliceKey }): Promise<void> {
  const gate = await call<GateResult>(built.core, 'gates.evaluate', baseline)
  if (gate.verdict !== 'pass') throw new Error(`the baseline's own gate is ${gate.verdict}`)
  const target = { promptId: built.prompt.prompt.id, versionId: baseline.slice.promptVersionId, env: 'prod' }
  await call(built.core, 'prompts.approve', { ...target, comment: 'checked the gate and the outputs' })
  await call(built.core, 'prompts.promote', { ...target, reason: 'v1 is our production prompt' })
}

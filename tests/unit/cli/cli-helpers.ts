import { createHash } from 'node:crypto'
import { main, type CliIo } from '../../../electron/main/cli'
import { openCore } from '../../../electron/main/core'
import type { MockChatRequest } from '../../fixtures/mock-llm/types'
import { fixedClock } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import type { PromptDetail } from '../../../shared/domain/prompts'
import type { DatasetDetail } from '../../../shared/domain/datasets'
import type { Run } from '../../../shared/domain/runs'
import type { SigningKey, BundleExport } from '../../../shared/domain/baselines'
import type { GateRule, SliceKey } from '../../../shared/domain/scoring'
import { settled } from '../core/scoring/helpers'

export interface Captured {
  io: CliIo
  out: () => string
  err: () => string
}

/** An io whose output the test reads back; not a terminal, not CI unless the env says so. */
export function captureIo(env: Record<string, string | undefined> = {}, isTTY = false): Captured {
  let out = ''
  let err = ''
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, isTTY },
    out: () => out,
    err: () => err,
  }
}

export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<{
  code: number
  out: string
  err: string
}> {
  const captured = captureIo(env)
  const code = await main(argv, captured.io)
  return { code, out: captured.out(), err: captured.err() }
}

const categories = ['billing', 'bug', 'account', 'feature'] as const

/** Case i's ticket text and expected category: the responder reads the category back from the text. */
export function ticket(i: number): { text: string; category: string } {
  const category = categories[i % categories.length] ?? 'bug'
  return { text: `ticket ${i}: a ${category} problem`, category }
}

/**
 * triage-good answers every ticket correctly; triage-bad answers invalid JSON for every fourth case
 * (deterministic by the ticket number), so its format pass rate is 75 %.
 */
export function triageResponder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  const match = /ticket (\d+): a (\w+) problem/.exec(text)
  const n = Number(match?.[1] ?? 0)
  const category = match?.[2] ?? 'bug'
  if (request.model === 'triage-bad' && n % 4 === 1) return `{"category": "${category}", "priority": `
  return JSON.stringify({ category, priority: 'high' })
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
}

/**
 * A workspace with a signed-off baseline of "Ticket triage" v1 × openai/triage-good on 40 cases (or
 * `options.cases`), exported to `exportDir`. Returns the prompt folder and the signer's allowed-signers content.
 */
export async function buildSignedBaseline(
  home: string,
  openaiBaseUrl: string,
  exportDir: string,
  options: BaselineOptions = {},
): Promise<{ folder: string; publicKey: string }> {
  const core = openCore({
    home,
    seedDemo: false,
    user: 'tester',
    now: fixedClock(),
    providerSettings: { openai: { kind: 'openai', baseUrl: openaiBaseUrl, apiKey: 'test', concurrency: 8 } },
  })
  try {
    const prompt = await call<PromptDetail>(core, 'prompts.create', {
      name: 'Ticket triage',
      messages: [
        { role: 'system', content: 'Classify the ticket. Answer JSON {category, priority}.' },
        { role: 'user', content: '{{text}}' },
      ],
      model: { provider: 'openai', model: 'triage-good' },
      params: {
        temperature: 0,
        responseFormat: { type: 'json_schema', name: 'triage', schema: outputSchema },
      },
      message: 'first version',
      allowNewVariables: true,
    })
    const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Triage cases' })
    for (let i = 0; i < (options.cases ?? 40); i++) {
      const t = ticket(i)
      await call(core, 'cases.add', {
        datasetId: dataset.dataset.id,
        fields: {
          key: `tkt-${String(i).padStart(3, '0')}`,
          vars: { text: t.text },
          expected: { category: t.category },
          expectedOutput: null,
          tags: [],
          notes: '',
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
        ],
        gates: options.gates ?? defaultGates,
      },
    })
    const started = await call<Run>(core, 'runs.start', {
      name: 'baseline',
      promptVersionIds: [prompt.version.id],
      models: [{ provider: 'openai', model: 'triage-good' }],
      datasetId: dataset.dataset.id,
    })
    const done = settled(core, started.id)
    const now = await call<Run>(core, 'runs.get', { id: started.id })
    const run = now.status === 'running' || now.status === 'planned' ? await done : now
    if (run.status !== 'completed') throw new Error(`baseline run ${run.status}`)
    await call(core, 'runs.score', { runId: run.id })
    const key = await call<SigningKey>(core, 'signingKeys.create', { owner: 'Priya Shah' })
    const slice: SliceKey = { promptVersionId: prompt.version.id, provider: 'openai', modelId: 'triage-good' }
    await call(core, 'signoffs.create', {
      promptId: prompt.prompt.id,
      runId: run.id,
      slice,
      name: 'Priya Shah',
      role: 'PM',
      comment: 'good enough',
      keyId: key.keyId,
    })
    const pub = await call<{ content: string }>(core, 'signingKeys.exportPublic', { keyId: key.keyId })
    const exported = await call<BundleExport>(core, 'bundles.export', {
      promptId: prompt.prompt.id,
      folder: exportDir,
    })
    return { folder: exported.folder, publicKey: pub.content }
  } finally {
    core.close()
  }
}

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

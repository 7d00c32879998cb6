/**
 * The UI benchmark's workspace, made through the host's API the way a user's client would: two providers
 * pointing at mock servers (one at 0 ms for the measured run, one slow for the batch that runs while the
 * screens are clicked through), a dataset imported from CSV (`datasets.importPreview` → `importCommit`), a
 * prompt asking for JSON and a suite with a format and two rule scorers.
 */
import type { Rpc } from './host-rpc'

export const FAST_PROVIDER = 'bench-mock'
export const SLOW_PROVIDER = 'bench-slow'
export const MODELS = ['bench-model-a', 'bench-model-b'].map((model) => ({ provider: FAST_PROVIDER, model }))

/** Keys the host reads from its environment (EVALLAB_<NAME>_API_KEY): the mock accepts any. */
export const providerKeyEnv = {
  EVALLAB_BENCH_MOCK_API_KEY: 'bench',
  EVALLAB_BENCH_SLOW_API_KEY: 'bench',
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`

function buildCsv(rows: number): string {
  const topics = ['refund', 'login', 'export', 'invoice', 'dashboard', 'password', 'billing', 'upload']
  const segments = ['enterprise', 'smb', 'consumer']
  const lines = ['id,customer_message,expected,segment']
  for (let i = 0; i < rows; i++) {
    const topic = topics[i % topics.length] ?? 'other'
    const message = `Ticket ${i + 1}: my ${topic} fails since yesterday, error code ${(i * 7919) % 1000}.`
    lines.push(`T-${i + 1},${quote(message)},${topic},${segments[i % segments.length] ?? 'smb'}`)
  }
  return `${lines.join('\n')}\n`
}

export async function addProviders(rpc: Rpc, fastUrl: string, slowUrl: string): Promise<void> {
  for (const [name, baseUrl, concurrency] of [
    [FAST_PROVIDER, fastUrl, 32],
    [SLOW_PROVIDER, slowUrl, 4],
  ] as const) {
    await rpc.call('providers.save', { name, kind: 'openai-compatible', baseUrl, concurrency })
  }
}

/** Imports `rows` generated cases as a new dataset; returns its id. */
export async function importDataset(rpc: Rpc, name: string, rows: number): Promise<string> {
  const contentBase64 = Buffer.from(buildCsv(rows), 'utf8').toString('base64')
  const fileName = `${name.toLowerCase().replace(/\W+/g, '-')}.csv`
  const preview = await rpc.call<{ mapping: unknown }>('datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['customer_message'],
  })
  const detail = await rpc.call<{ dataset: { id: string; caseCount: number } }>('datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name },
  })
  if (detail.dataset.caseCount !== rows)
    throw new Error(`imported ${detail.dataset.caseCount} of ${rows} cases`)
  return detail.dataset.id
}

/** A JSON-answering prompt (one version) and its suite: valid JSON, an answer field, a score in range. */
export async function createPrompt(rpc: Rpc): Promise<string> {
  const created = await rpc.call<{ prompt: { id: string }; version: { id: string } }>('prompts.create', {
    name: 'Bench triage',
    messages: [
      { role: 'system', content: 'Classify the ticket. Answer JSON: {"answer": string, "score": number}.' },
      { role: 'user', content: 'Ticket:\n{{customer_message}}' },
    ],
    model: MODELS[0],
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    message: 'Bench prompt',
    allowNewVariables: true,
  })
  await rpc.call('suites.save', {
    promptId: created.prompt.id,
    message: 'Bench suite: format and rules',
    suite: {
      scorers: [
        { metric: 'format.json', label: 'Valid JSON', config: { kind: 'format', format: { check: 'json' } } },
        {
          metric: 'rule.answer',
          label: 'Answer names a label',
          config: { kind: 'rule', rule: { op: 'regex', path: 'answer', pattern: '^mock-' } },
        },
        {
          metric: 'rule.score_range',
          label: 'Score at least 0.2',
          config: { kind: 'rule', rule: { op: 'range', path: 'score', min: 0.2, max: 1 } },
        },
      ],
      gates: [],
    },
  })
  return created.version.id
}

export interface RunView {
  id: string
  status: string
  counts: { total: number; done: number; errors: number }
}

export function startRun(
  rpc: Rpc,
  plan: { name: string; versionId: string; datasetId: string; models: typeof MODELS; concurrency: number },
  timeoutMs: number,
): Promise<RunView> {
  const provider = plan.models[0]?.provider ?? FAST_PROVIDER
  return rpc.call<RunView>(
    'runs.start',
    {
      name: plan.name,
      promptVersionIds: [plan.versionId],
      models: plan.models,
      datasetId: plan.datasetId,
      concurrency: { [provider]: plan.concurrency },
      useCache: false,
    },
    timeoutMs,
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls the run every 500 ms until it leaves 'running'/'queued' or the budget runs out (null then). */
export async function waitForRunEnd(rpc: Rpc, runId: string, budgetMs: number): Promise<RunView | null> {
  const deadline = Date.now() + budgetMs
  while (Date.now() < deadline) {
    const run = await rpc.call<RunView>('runs.get', { id: runId }).catch(() => null)
    if (run && !['running', 'queued', 'pending', 'planned'].includes(run.status)) return run
    await sleep(500)
  }
  return null
}

import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { Run, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import { call, demoCore } from '../core-calls'

/** A workspace without the demo, the user's own cases and prompt, pinned to their own provider's model. */
export interface OwnWorkspace {
  core: Core
  datasetId: string
  versionIds: string[]
}

function ticketsCsv(rows: number): string {
  const lines = ['id,message,expected']
  for (let i = 1; i <= rows; i++)
    lines.push(`T-${i},"Order ${i} arrived damaged, box ${i % 7} crushed",refund`)
  return `${lines.join('\n')}\n`
}

export async function ownWorkspace(
  home: string,
  model: { provider: string; model: string },
  options: Partial<CoreOptions> & { rows?: number; versions?: number } = {},
): Promise<OwnWorkspace> {
  const { rows = 20, versions = 1, ...coreOptions } = options
  const core = demoCore(home, { seedDemo: false, user: 'pm', ...coreOptions })
  const contentBase64 = Buffer.from(ticketsCsv(rows), 'utf8').toString('base64')
  const fileName = 'tickets.csv'
  const preview = await call<{ mapping: unknown }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['message'],
  })
  const imported = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Damaged orders' },
  })
  const user = { role: 'user', content: 'Ticket: {{message}}\nAnswer with one word.' }
  const first = await call<{ prompt: { id: string }; version: { id: string } }>(core, 'prompts.create', {
    name: 'Refund triage',
    messages: [{ role: 'system', content: 'You triage support tickets.' }, user],
    model,
    message: 'First version',
    allowNewVariables: true,
  })
  const versionIds = [first.version.id]
  for (let v = 2; v <= versions; v++) {
    const next = await call<{ id: string }>(core, 'prompts.saveVersion', {
      promptId: first.prompt.id,
      baseVersionId: versionIds.at(-1),
      messages: [{ role: 'system', content: `You triage support tickets (take ${v}).` }, user],
      message: `Version ${v}`,
      allowNewVariables: true,
    })
    versionIds.push(next.id)
  }
  return { core, datasetId: imported.dataset.id, versionIds }
}

/** Resolves with the run once it has left 'running'. */
export function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      void call<Run>(core, 'runs.get', { id: runId }).then(resolve)
    })
  })
}

export async function allResults(core: Core, runId: string): Promise<RunResult[]> {
  const out: RunResult[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call<RunResultPage>(core, 'runs.results', { runId, limit: 500, offset })
    out.push(...page.results)
    if (out.length >= page.total || page.results.length === 0) return out
  }
}

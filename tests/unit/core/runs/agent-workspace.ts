import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { ModelParams } from '../../../../shared/domain/prompts'
import type { Run, RunProgress, RunResultPage } from '../../../../shared/domain/runs'
import { call, demoCore } from '../core-calls'
import { allCases, importAsNew } from '../datasets/api-helpers'
import type { ScriptedAgent } from './scripted-agent'

export const agentModel = { provider: 'acme-agents', model: 'gpt-4o-mini' }

/** The user's own tools: look an order up, then route the ticket. */
export const agentTools: NonNullable<ModelParams['tools']> = [
  {
    name: 'lookup_order',
    description: 'Look an order up by its number.',
    parameters: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] },
  },
  {
    name: 'route_ticket',
    description: 'Send the ticket to a queue.',
    parameters: {
      type: 'object',
      properties: { queue: { type: 'string' }, priority: { enum: ['low', 'high'] } },
      required: ['queue', 'priority'],
    },
  },
]

export type RunnerTweaks = NonNullable<CoreOptions['runner']>

/** A core whose provider "acme-agents" is the scripted agent (hosted, so its calls are priced). */
export function agentCore(home: string, agent: ScriptedAgent, runner: RunnerTweaks = {}): Core {
  return demoCore(home, {
    seedDemo: false,
    user: 'pm',
    providerSettings: {
      'acme-agents': {
        kind: 'openai',
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKey: 'unused',
        concurrency: 4,
        isLocal: false,
      },
    },
    runner: {
      flushMs: 20,
      ...runner,
      providerFactory: (name) => (name === 'acme-agents' ? agent : undefined),
    },
  })
}

/** The tickets by case key. */
export const ticketMessages: Readonly<Record<string, string>> = {
  'ORD-1': 'Box crushed',
  'ORD-2': 'Wrong colour',
  'ORD-3': 'Never arrived',
}

export interface AgentWorkspace {
  datasetId: string
  versionId: string
}

/** What every case holds besides its ticket: the turns and canned tool results the loop runs on. */
export type AgentCaseFields = Pick<DatasetCase, 'conversation' | 'toolResults'>

/** A JSONL line of the user's file: `messages` are the turns, `tool_results` the canned results. */
function caseLine(key: string, message: string, fields: AgentCaseFields): string {
  const { conversation, toolResults } = fields
  return JSON.stringify({
    key,
    vars: { message },
    ...(conversation ? { messages: conversation } : {}),
    ...(toolResults ? { tool_results: toolResults } : {}),
  })
}

/**
 * Three damaged-order tickets, imported from a JSONL file whose every case holds `fields`, and a prompt whose
 * case conversations follow its system message.
 */
export async function agentWorkspace(
  core: Core,
  fields: AgentCaseFields,
  params: Partial<ModelParams> = {},
): Promise<AgentWorkspace> {
  const lines = Object.entries(ticketMessages).map(([key, message]) => caseLine(key, message, fields))
  const imported = await importAsNew(core, 'orders.jsonl', `${lines.join('\n')}\n`, 'Damaged orders')
  const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
    name: 'Order agent',
    // No placeholder message: the turns follow the system message.
    messages: [{ role: 'system', content: 'You handle order tickets with the tools.' }],
    model: agentModel,
    params: { temperature: 0, tools: agentTools, toolChoice: 'auto', maxToolSteps: 4, ...params },
    message: 'First version',
    allowNewVariables: true,
  })
  return { datasetId: imported.dataset.id, versionId: created.version.id }
}

/** Gives every case of the workspace these turns and canned results (none when absent), as a user edits them. */
export async function editEveryCase(core: Core, ws: AgentWorkspace, fields: AgentCaseFields): Promise<void> {
  const patch = { conversation: fields.conversation ?? null, toolResults: fields.toolResults ?? null }
  for (const c of await allCases(core, ws.datasetId))
    await call(core, 'cases.update', { caseId: c.id, patch })
}

export function planOf(ws: AgentWorkspace, extra: Record<string, unknown> = {}) {
  return { promptVersionIds: [ws.versionId], models: [agentModel], datasetId: ws.datasetId, ...extra }
}

const ended = new Set(['completed', 'paused', 'cancelled', 'failed', 'interrupted'])

/** Resolves with the run once it leaves 'running' (checked on every progress event, and once at the start). */
export function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const run = await call<Run>(core, 'runs.get', { id: runId })
      if (!ended.has(run.status)) return
      stop()
      resolve(run)
    }
    const stop = core.bus.subscribe((event, payload) => {
      if (event === 'runs.progress' && (payload as RunProgress).runId === runId) void check()
    })
    void check()
  })
}

export type ResultRow = RunResultPage['results'][number]

export async function resultsOf(core: Core, runId: string): Promise<ResultRow[]> {
  const page = await call<RunResultPage>(core, 'runs.results', { runId, offset: 0, limit: 500 })
  return page.results
}

/** The tool-loop steps stored for a run, read through a connection of the test's own. */
export function storedSteps(home: string, runId: string): { caseId: string; step: number; data: string }[] {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    return db
      .prepare<[string], { caseId: string; step: number; data: string }>(
        'SELECT case_id AS caseId, step, data FROM run_item_steps WHERE run_id = ? ORDER BY case_id, step',
      )
      .all(runId)
  } finally {
    db.close()
  }
}

/** As if the process died before it could mark the run: only the next open can tell. */
export function markRunning(home: string, runId: string): void {
  const db = new Database(join(home, 'evallab.db'))
  db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(runId)
  db.close()
}

/**
 * Tool loops and JSON Schema answers in batch mode through the mock: items with canned tool results are
 * streamed (a loop cannot wait a day per step), the rest are batched; a JSON Schema answer collected from an
 * Anthropic Message Batch (sent as a forced tool) is the JSON text, as a streamed answer is.
 */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../../shared/domain/runs'
import { bySteps, toolCall } from '../../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { importJsonl, resultRows } from '../acme-mock'
import { agentTools } from '../agent-workspace'
import { allResults, jobsOf, settled } from './batch-setup'
import {
  acmeMini,
  claudeHaiku,
  expectHalfPrice,
  mockCore,
  mockWorkspace,
  startBatch,
} from './mock-batch-setup'

const tempHome = useTempHomes()
const startServer = useMockLlmServer()
const canned = { lookup_order: '{"status":"delivered","damaged":true}', route_ticket: '{"ok":true}' }
const orders = [1, 2, 3, 4, 5, 6].map((n) => ({
  key: `ORD-${n}`,
  vars: { order: `A-${n}` },
  messages: [{ role: 'user', content: 'Order {{order}} came crushed.' }],
  // Half the cases come with canned tool results: those run the loop.
  ...(n % 2 === 0 ? { tool_results: canned } : {}),
}))
const models = [acmeMini, claudeHaiku]

describe('batch mode with tools and JSON Schema answers', () => {
  it('streams the tool loops and batches the single calls', async () => {
    const script = bySteps([{ toolCalls: [toolCall('lookup_order', { order: 'A-1' })] }, 'Refund approved.'])
    const server = await startServer({ responder: script })
    const core = mockCore(tempHome(), server)
    const { datasetId } = await importJsonl(core, 'orders.jsonl', orders, 'Damaged orders')
    const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
      name: 'Order agent',
      messages: [
        { role: 'system', content: 'You handle order tickets with the tools.' },
        { role: 'conversation', content: '' },
      ],
      model: acmeMini,
      params: { temperature: 0, tools: agentTools, toolChoice: 'auto', maxToolSteps: 3 },
      message: 'First version',
      allowNewVariables: true,
    })
    const plan = { promptVersionIds: [created.version.id], models, datasetId, useCache: false }
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'Agent, batch', mode: 'batch' })
    const done = await settled(core, run.id)
    expect(done.status).toBe('completed')

    const rows = await resultRows(core, run.id)
    expect(rows).toHaveLength(orders.length * models.length)
    expect(rows.every((r) => r.errorKind === null)).toBe(true)
    const looped = rows.filter((r) => Number(r.caseKey?.slice(4)) % 2 === 0)
    // The loops were streamed: two steps each, ending in the answer.
    expect(looped.every((r) => !r.batch && r.responseText === 'Refund approved.')).toBe(true)
    // The single calls went in one job per provider; their answer is the tool call they made.
    const single = rows.filter((r) => Number(r.caseKey?.slice(4)) % 2 === 1)
    expect(single.every((r) => r.batch && r.toolCalls?.[0]?.name === 'lookup_order')).toBe(true)
    const jobs = await jobsOf(core, run.id)
    expect(jobs.map((j) => [j.provider, j.requests, j.state]).sort()).toEqual([
      ['acme-openai', 3, 'collected'],
      ['claude-team', 3, 'collected'],
    ])
    expectHalfPrice(done, rows)
    core.close()
  }, 60_000)

  it('reads a JSON Schema answer from an Anthropic Message Batch as its JSON text', async () => {
    const server = await startServer({})
    const ws = await mockWorkspace(tempHome(), server, claudeHaiku, 10)
    const schema = {
      type: 'object',
      properties: { decision: { type: 'string' }, confidence: { type: 'number' } },
      required: ['decision', 'confidence'],
    }
    const version = await call<{ id: string }>(ws.core, 'prompts.saveVersion', {
      promptId: (await call<{ id: string }[]>(ws.core, 'prompts.list', {}))[0]?.id,
      baseVersionId: ws.versionIds[0],
      messages: [{ role: 'user', content: 'Ticket: {{message}}\nDecide.' }],
      params: { responseFormat: { type: 'json_schema', name: 'decision', schema } },
      message: 'JSON decision',
      allowNewVariables: true,
    })
    const run = await startBatch({ ...ws, versionIds: [version.id] }, [claudeHaiku])
    const done = await settled(ws.core, run.id)
    expect(done.status).toBe('completed')
    const rows = await allResults(ws.core, run.id)
    expect(rows).toHaveLength(10)
    for (const row of rows) {
      expect(row.batch).toBe(true)
      expect(row.toolCalls).toEqual([])
      const answer: unknown = JSON.parse(row.responseText ?? 'null')
      expect(answer).toEqual({ decision: expect.any(String), confidence: expect.any(Number) })
    }
    ws.core.close()
  }, 60_000)
})

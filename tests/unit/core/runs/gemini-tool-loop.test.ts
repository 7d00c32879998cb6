import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { Run } from '../../../../shared/domain/runs'
import { bySteps, toolCall, type MockChatRequest, type MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { importJsonl, resultRows } from './acme-mock'
import { agentTools, settled } from './agent-workspace'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'gemini-eu', model: 'gemini-2.5-flash' }
const canned = { lookup_order: '{"status":"delivered","damaged":true}', route_ticket: '{"ok":true}' }
const orders = ['A-1', 'B-7'].map((order, i) => ({
  key: `ORD-${i + 1}`,
  vars: { order },
  messages: [{ role: 'user', content: 'Order {{order}} came crushed.' }],
  tool_results: canned,
}))
const lookup = toolCall('lookup_order', { order: 'A-1' })
const route = toolCall('route_ticket', { queue: 'shipping', priority: 'high' })

function geminiCore(server: MockLlmServer): Core {
  return demoCore(tempHome(), {
    seedDemo: false,
    providerSettings: { 'gemini-eu': { kind: 'gemini', baseUrl: server.url, apiKey: 'k', concurrency: 4 } },
    runner: { env: {}, flushMs: 10 },
  })
}

async function agentRun(core: Core): Promise<Run> {
  const { datasetId } = await importJsonl(core, 'orders.jsonl', orders, 'Damaged orders')
  const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
    name: 'Order agent',
    messages: [
      { role: 'system', content: 'You handle Acme order tickets with the tools.' },
      { role: 'conversation', content: '' },
    ],
    model,
    params: { temperature: 0, tools: agentTools, toolChoice: 'auto', maxToolSteps: 3 },
    message: 'First version',
    allowNewVariables: true,
  })
  const plan = { promptVersionIds: [created.version.id], models: [model], datasetId, useCache: false }
  return call<Run>(core, 'runs.start', { ...plan, name: 'agent on gemini' })
}

describe("the runner's tool loop through Gemini", () => {
  it('runs look-up, route, answer: each step sends the calls back as functionCall and the results as functionResponse', async () => {
    const seen: MockChatRequest[] = []
    const script = bySteps([{ toolCalls: [lookup] }, { toolCalls: [route] }, 'Routed to shipping, high.'])
    const server = await startMock({ responder: (r) => (seen.push(r), script(r)) })
    const core = geminiCore(server)
    const run = await agentRun(core)
    const final = await settled(core, run.id)
    expect(final).toMatchObject({ status: 'completed', counts: { done: orders.length, errors: 0 } })
    for (const r of await resultRows(core, run.id)) {
      expect(r).toMatchObject({
        errorKind: null,
        responseText: 'Routed to shipping, high.',
        finishReason: 'stop',
      })
      expect(r.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
        ['lookup_order', lookup.arguments],
        ['route_ticket', route.arguments],
      ])
      expect(r.steps?.map((s) => s.toolResults.map((t) => t.content))).toEqual([
        [canned.lookup_order],
        [canned.route_ticket],
        [],
      ])
    }
    const last = seen.find((r) => r.step === 2)
    expect(last?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool'])
    expect(last?.messages[2]).toMatchObject({ text: canned.lookup_order })
    const contents = last?.body['contents'] as { role: string; parts: Record<string, unknown>[] }[]
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user'])
    expect(contents[2]?.parts[0]).toMatchObject({
      functionResponse: { name: 'lookup_order', response: { output: canned.lookup_order } },
    })
    core.close()
  }, 30_000)
})

import { beforeEach, describe, expect, it } from 'vitest'
import type { Run } from '../../../../shared/domain/runs'
import { bySteps, toolCall } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { useFakeAwsEnv } from '../llm/providers/bedrock-stub'
import { importJsonl, recording, resultRows } from './acme-mock'
import { agentTools, settled } from './agent-workspace'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const awsEnv = useFakeAwsEnv()
beforeEach(() => awsEnv())

const model = { provider: 'bedrock-eu', model: 'amazon.nova-pro-v1:0' }
const canned = { lookup_order: '{"status":"delivered","damaged":true}', route_ticket: '{"ok":true}' }
const lookup = toolCall('lookup_order', { order: 'A-1' })
const route = toolCall('route_ticket', { queue: 'shipping', priority: 'high' })

describe('a tool loop through a stored Bedrock provider', () => {
  it('runs 3 steps, sending the calls and canned results back as toolUse / toolResult blocks', async () => {
    const { responder, seen } = recording(
      bySteps([{ toolCalls: [lookup] }, { toolCalls: [route] }, 'Routed.']),
    )
    const server = await startMock({ responder })
    const core = demoCore(tempHome(), { seedDemo: false, user: 'pm', runner: { env: {}, flushMs: 10 } })
    await call(core, 'providers.save', {
      name: model.provider,
      kind: 'bedrock',
      region: 'eu-central-1',
      baseUrl: server.url,
      concurrency: 2,
    })
    const rows = [
      {
        key: 'ORD-1',
        vars: { order: 'A-1' },
        tool_results: canned,
        messages: [{ role: 'user', content: 'Order {{order}} came crushed.' }],
      },
    ]
    const { datasetId } = await importJsonl(core, 'orders.jsonl', rows, 'Orders')
    const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
      name: 'Order agent',
      messages: [
        { role: 'system', content: 'You handle order tickets with the tools.' },
        { role: 'conversation', content: '' },
      ],
      model,
      params: { temperature: 0, tools: agentTools, toolChoice: 'auto', maxToolSteps: 3 },
      message: 'First version',
      allowNewVariables: true,
    })
    const plan = { promptVersionIds: [created.version.id], models: [model], datasetId, useCache: false }
    const run = await settled(core, (await call<Run>(core, 'runs.start', { ...plan, name: 'agent' })).id)
    expect(run).toMatchObject({ status: 'completed', counts: { done: 1, errors: 0 } })
    const [result] = await resultRows(core, run.id)
    expect(result?.responseText).toBe('Routed.')
    expect(result?.steps?.map((s) => s.toolResults.map((r) => r.content))).toEqual([
      [canned.lookup_order],
      [canned.route_ticket],
      [],
    ])
    expect(result?.costUsd).toBeGreaterThan(0)
    const last = seen.at(-1)
    expect(last?.step).toBe(2)
    const wire = JSON.stringify(last?.body.messages)
    expect(wire).toContain('"toolUse":{"toolUseId"')
    expect(wire).toContain(`"toolResult":{"toolUseId"`)
    expect(last?.messages.filter((m) => m.role === 'tool').map((m) => m.text)).toEqual([
      canned.lookup_order,
      canned.route_ticket,
    ])
    core.close()
  })
})

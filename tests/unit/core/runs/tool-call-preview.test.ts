import { describe, expect, it } from 'vitest'
import type { ResultRowPage } from '../../../../shared/domain/result-rows'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allCases } from '../datasets/api-helpers'
import { agentCore, agentWorkspace, planOf, settled } from './agent-workspace'
import { ScriptedAgent, toolCall } from './scripted-agent'

const tempHome = useTempHomes()

const route = toolCall('c1', 'route_ticket', { queue: 'billing', priority: 'high' })
const lookup = {
  id: 'c2',
  name: 'lookup_order',
  arguments: `{"order": "A-1",\n  "note": "${'x'.repeat(80)}"}`,
}

describe('the results grid row of an answer made only of tool calls', () => {
  it('shows the calls on one line instead of a blank; an answer with text still shows its text', async () => {
    // ORD-1 routes, ORD-2 looks up then routes (its text only blank space), ORD-3 answers in text beside a call.
    const keyOf = new Map<string, string>()
    const agent = new ScriptedAgent('acme-agents', (_step, request) => {
      const key = keyOf.get(request.caseKey?.split('/')[1] ?? '')
      if (key === 'ORD-1') return { toolCalls: [route] }
      if (key === 'ORD-2') return { text: '  \n', toolCalls: [lookup, route] }
      return { text: 'Routed to billing.', toolCalls: [route] }
    })
    const core = agentCore(tempHome(), agent)
    const ws = await agentWorkspace(core, {})
    for (const c of await allCases(core, ws.datasetId)) keyOf.set(c.id, c.key)
    const run = await call<Run>(core, 'runs.start', { ...planOf(ws, { useCache: false }), name: 'grid' })
    expect((await settled(core, run.id)).status).toBe('completed')
    const page = await call<ResultRowPage>(core, 'runs.resultRows', { runId: run.id, limit: 50 })
    const preview = new Map(page.results.map((r) => [r.caseKey, r.preview]))
    expect(preview.get('ORD-1')).toBe('→ route_ticket {"queue":"billing","priority":"high"}')
    // Blank space folded, the long argument cut at 60 characters (59 and the ellipsis).
    expect(preview.get('ORD-2')).toBe(
      `→ lookup_order {"order": "A-1", "note": "${'x'.repeat(33)}… → route_ticket {"queue":"billing","priority":"high"}`,
    )
    expect(preview.get('ORD-3')).toBe('Routed to billing.')
    core.close()
  })
})

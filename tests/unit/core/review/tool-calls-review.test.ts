import { describe, expect, it } from 'vitest'
import { openCore } from '../../../../electron/main/core'
import type { ToolCall } from '../../../../shared/domain/conversation'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'
import { openContext } from '../bundles/import-helpers'
import { call } from '../core-calls'
import { allItems, createQueue, reviewSetup } from './helpers'

const tempHome = useTempHomes()

// Provider-minted ids (toolu_… is Anthropic's) would tell a blind reviewer who answered.
const calls: ToolCall[] = [
  { id: 'toolu_01ABC', name: 'route_ticket', arguments: '{"queue":"billing","priority":"p2"}' },
  { id: 'toolu_01DEF', name: 'add_note', arguments: 'refund <b>now</b>' },
]

/** The run's results all answer with the two calls and no text, written as the runner stores them. */
function seedCalls(home: string, runId: string): void {
  const { ctx, close } = openContext(home)
  ctx.db
    .prepare(`UPDATE run_results SET tool_calls = ?, response_text = '' WHERE run_id = ?`)
    .run(JSON.stringify(calls), runId)
  close()
}

describe('review items of answers with tool calls', () => {
  it('show each call (name and exact arguments, no call id), blind or not; packs carry them', async () => {
    const home = tempHome()
    const s = await reviewSetup(home, ['Ana'])
    s.core.close()
    seedCalls(home, s.run.id)
    const core = openCore({ home, user: 'tester', now: fixedClock() })
    const ids = s.reviewers.map((r) => r.id)
    const draft = {
      name: 'Routing check',
      runId: s.run.id,
      rubricId: s.rubricId,
      criterionKeys: ['category_correct'],
      reviewerIds: ids,
      source: { kind: 'sample', n: 2, seed: 1 },
    }
    const blind = await createQueue(core, draft)
    const open = await createQueue(core, { ...draft, blind: false })
    const [hidden] = await allItems(core, blind.id, ids[0] ?? '')
    const [shown] = await allItems(core, open.id, ids[0] ?? '')
    const expected = calls.map(({ name, arguments: args }) => ({ name, arguments: args }))
    expect(hidden?.outputs).toEqual([
      expect.objectContaining({ text: '', toolCalls: expected, provider: null, modelId: null }),
    ])
    expect(JSON.stringify(hidden)).not.toMatch(/toolu_|triage-sim/)
    expect(shown?.outputs[0]).toMatchObject({ toolCalls: expected, modelId: 'triage-sim-2026-03' })
    expect(hidden?.conversation).toEqual([])
    const pack = await call<{ content: string }>(core, 'queues.exportPack', { queueId: blind.id })
    expect(pack.content).toContain('route_ticket')
    expect(pack.content).not.toMatch(/toolu_|triage-sim-2026-03/)
    core.close()
  }, 120_000)
})

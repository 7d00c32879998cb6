import { describe, expect, it } from 'vitest'
import { messagePairs } from '../../../renderer/src/features/prompts/diff/message-pairs'
import { paramDiff } from '../../../renderer/src/features/prompts/diff/param-diff'
import { describeEntry } from '../../../renderer/src/features/prompts/history/history-copy'
import { formatUsd } from '../../../renderer/src/features/prompts/preview/PreviewResult'
import { sortHistory } from '../../../renderer/src/queries/history'
import { rollbackTargets } from '../../../renderer/src/stores/registry/rollback-targets'
import type { HistoryEntry } from '../../../shared/domain/registry'

const row = (rows: ReturnType<typeof paramDiff>, field: string) => rows.find((r) => r.field === field)

describe('paramDiff', () => {
  it('lists every field, before and after, and marks the changed ones', () => {
    const rows = paramDiff(
      { model: { provider: 'openai', model: 'gpt-4o-mini' }, params: { temperature: 0.2, maxTokens: 512 } },
      {
        model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
        params: { temperature: 0.2, seed: 7, responseFormat: { type: 'json_object' } },
      },
    )
    expect(rows.map((r) => r.field)).toEqual([
      'provider',
      'model',
      'temperature',
      'maxTokens',
      'topP',
      'seed',
      'responseFormat',
      'schemaName',
      'schema',
      'tools',
      'toolChoice',
      'maxToolSteps',
    ])
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual([
      'model',
      'maxTokens',
      'seed',
      'responseFormat',
    ])
    expect(row(rows, 'maxTokens')).toMatchObject({ before: '512', after: '—' })
    expect(row(rows, 'seed')).toMatchObject({ before: '—', after: '7' })
    expect(row(rows, 'temperature')).toMatchObject({ before: '0.2', after: '0.2', changed: false })
  })

  it('compares JSON schemas by content, not key order', () => {
    const side = (schema: Record<string, unknown>) => ({
      model: { provider: 'openai', model: 'm' },
      params: { responseFormat: { type: 'json_schema' as const, name: 'verdict', schema } },
    })
    const same = paramDiff(
      side({ type: 'object', required: ['a'] }),
      side({ required: ['a'], type: 'object' }),
    )
    expect(same.some((r) => r.changed)).toBe(false)
    const changed = paramDiff(side({ type: 'object' }), side({ type: 'array' }))
    expect(changed.filter((r) => r.changed).map((r) => r.field)).toEqual(['schema'])
  })
})

describe('messagePairs', () => {
  it('matches by index; extra messages are added or removed; a role change is a change', () => {
    const pairs = messagePairs(
      [
        { role: 'system', content: 'a' },
        { role: 'user', content: 'b' },
        { role: 'user', content: 'gone' },
      ],
      [
        { role: 'system', content: 'a' },
        { role: 'assistant', content: 'b' },
      ],
    )
    expect(pairs.map((p) => p.status)).toEqual(['same', 'changed', 'removed'])
    expect(messagePairs([], [{ role: 'user', content: 'x' }])[0]).toMatchObject({
      status: 'added',
      before: null,
    })
  })
})

let id = 0
function entry(partial: Partial<HistoryEntry>): HistoryEntry {
  id += 1
  return {
    id,
    at: `2025-03-01T10:00:${String(id).padStart(2, '0')}.000Z`,
    actor: 'ana',
    action: 'env.promoted',
    versionNumber: 1,
    fromVersionNumber: null,
    env: 'prod',
    text: '',
    ...partial,
  }
}

describe('rollbackTargets', () => {
  it('offers older versions only, the ones prod served first (most recent first), then the others', () => {
    const entries = [
      entry({ action: 'version.created', versionNumber: 2, env: null }),
      entry({ versionNumber: 1, fromVersionNumber: null }),
      entry({ versionNumber: 2, fromVersionNumber: 1 }),
      entry({ env: 'staging', versionNumber: 4, fromVersionNumber: null }),
      entry({ versionNumber: 3, fromVersionNumber: 2 }),
      entry({ action: 'approval.recorded', versionNumber: 4 }),
      entry({ versionNumber: 5, fromVersionNumber: 3 }),
      entry({ action: 'env.rolled_back', versionNumber: 3, fromVersionNumber: 5 }),
    ]
    const all = [1, 2, 3, 4, 5, 6]
    const served = (options: ReturnType<typeof rollbackTargets>) =>
      options.map((o) => `${o.versionNumber}${o.lastServed ? '' : '*'}`)
    // prod now serves v3 (after rolling back from v5): v4, v5 and v6 are newer.
    expect(served(rollbackTargets(entries, all, 'prod', 3))).toEqual(['2', '1'])
    // From v6: v3 and v5 were served last, v2 and v1 before; v4 was only ever in staging.
    expect(served(rollbackTargets(entries, all, 'prod', 6))).toEqual(['5', '3', '2', '1', '4*'])
    expect(served(rollbackTargets(entries, all, 'staging', 4))).toEqual(['3*', '2*', '1*'])
    expect(rollbackTargets(entries, all, 'prod', 1)).toEqual([])
  })
})

describe('history', () => {
  it('sorts newest first and describes moves with the version they replaced', () => {
    const a = entry({ action: 'version.created', versionNumber: 2, env: null, at: '2025-01-01T00:00:00Z' })
    const b = entry({ versionNumber: 2, fromVersionNumber: 1, at: '2025-01-02T00:00:00Z' })
    const c = entry({ action: 'approval.recorded', versionNumber: 2, at: '2025-01-02T00:00:00Z' })
    expect(sortHistory([a, b, c]).map((e) => e.id)).toEqual([c.id, b.id, a.id])
    expect(describeEntry(b)).toBe('promoted v2 to prod (was v1)')
    expect(describeEntry(entry({ action: 'env.rolled_back', versionNumber: 1, fromVersionNumber: 2 }))).toBe(
      'rolled prod back to v1 (from v2)',
    )
    expect(describeEntry(c)).toBe('approved v2 for prod')
  })

  it('formats small costs with enough digits', () => {
    expect(formatUsd(0.00042)).toBe('$0.00042')
    expect(formatUsd(0.0123)).toBe('$0.012')
    expect(formatUsd(1.5)).toBe('$1.50')
    expect(formatUsd(0)).toBe('$0')
  })
})

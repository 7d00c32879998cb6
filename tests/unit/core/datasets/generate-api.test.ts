import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { CaseDraft, GenerationResult } from '../../../../shared/domain/case-drafts'
import type {
  DatasetCase,
  DatasetDetail,
  DatasetSnapshot,
  SnapshotDiff,
} from '../../../../shared/domain/datasets'
import { answerDemo } from '../../../../electron/main/core/llm/providers/demo'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, demoDataset, fingerprint } from './api-helpers'

const newHome = useTempHomes()
const simulated = { provider: 'demo', model: 'triage-sim-2026-03' }

function fastDemo(home: string): Core {
  return demoCore(home, { runner: { demoLatencyScale: 0 } })
}

const generate = (core: Core, datasetId: string, tags: string[], count: number) =>
  call<GenerationResult>(core, 'datasets.generateCases', { datasetId, tags, model: simulated, count })

const drafts = (core: Core, datasetId: string) => call<CaseDraft[]>(core, 'caseDrafts.list', { datasetId })

describe('generating cases for a thin segment of the demo', () => {
  it('stores N drafts shaped like the segment, flags near-duplicates, and survives a reopen', async () => {
    const home = newHome()
    const core = fastDemo(home)
    const dataset = await demoDataset(core)
    const before = fingerprint(home)
    const result = await generate(core, dataset.id, ['lang:de'], 10)
    expect(result).toMatchObject({ asked: 10, received: 10 })
    expect(result.drafts).toHaveLength(10)
    for (const d of result.drafts) {
      expect(Object.keys(d.vars).sort()).toEqual(['body', 'channel', 'customer_tier', 'subject'])
      expect(Object.keys(d.expected).sort()).toEqual(['category', 'needs_human', 'priority', 'sentiment'])
      expect(d.tags).toEqual(['lang:de'])
      expect(d.model).toEqual(simulated)
    }
    // Every fourth simulated case is a close copy of an existing German case: flagged, with that case's key.
    const flagged = result.drafts.filter((d) => d.duplicates.some((x) => x.of === 'case'))
    expect(flagged.map((d) => result.drafts.indexOf(d))).toEqual([3, 7])
    expect(flagged[0]?.duplicates[0]).toMatchObject({ kind: 'near', of: 'case' })
    const keys = new Set((await allCases(core, dataset.id)).map((c) => c.key))
    expect(flagged.every((d) => d.duplicates.every((x) => x.of !== 'case' || keys.has(x.label)))).toBe(true)
    // Drafts are not cases: the working copy is untouched (only the audit log grew).
    const after = fingerprint(home)
    expect(after.cases).toBe(before.cases)
    core.close()
    const reopened = fastDemo(home)
    expect((await drafts(reopened, dataset.id)).map((d) => d.id)).toEqual(result.drafts.map((d) => d.id))
    reopened.close()
  })

  it('is deterministic: the same request writes the same cases', async () => {
    const core = fastDemo(newHome())
    const dataset = await demoDataset(core)
    const strip = (r: GenerationResult) => r.drafts.map((d) => [d.vars, d.expected, d.notes])
    const first = await generate(core, dataset.id, ['channel:phone_transcript'], 3)
    const second = await generate(core, dataset.id, ['channel:phone_transcript'], 3)
    expect(strip(second)).toEqual(strip(first))
    core.close()
  })

  it('accepting 7 of 10 adds exactly 7 cases tagged source:generated, with audit entries; a snapshot lists them', async () => {
    const home = newHome()
    const core = fastDemo(home)
    const dataset = await demoDataset(core)
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id: dataset.id })
    const first = detail.snapshots[0] as DatasetSnapshot
    const { drafts: made } = await generate(core, dataset.id, ['lang:de'], 10)
    const edited = await call<CaseDraft>(core, 'caseDrafts.update', {
      draftId: made[0]?.id,
      patch: { notes: 'Checked by Noor', expected: { ...made[0]?.expected, priority: 'p1' } },
    })
    expect(edited).toMatchObject({ notes: 'Checked by Noor', expected: { priority: 'p1' } })
    const accepted = await call<{ cases: DatasetCase[] }>(core, 'caseDrafts.accept', {
      draftIds: made.slice(0, 7).map((d) => d.id),
    })
    expect(accepted.cases).toHaveLength(7)
    expect(accepted.cases[0]).toMatchObject({ notes: 'Checked by Noor', expected: { priority: 'p1' } })
    const rejected = await call<{ rejected: number }>(core, 'caseDrafts.reject', {
      draftIds: made.slice(7).map((d) => d.id),
    })
    expect(rejected.rejected).toBe(3)
    expect(await drafts(core, dataset.id)).toEqual([])

    const generated = (await allCases(core, dataset.id)).filter((c) => c.tags.includes('source:generated'))
    expect(generated).toHaveLength(7)
    expect(generated.every((c) => c.tags.includes('lang:de'))).toBe(true)
    // A demo run over them gets triage answers, as for the tickets they were modelled on (not prose).
    for (const c of generated) {
      const answer = answerDemo({
        messages: [
          { role: 'system', content: 'Triage the ticket. Answer in JSON.' },
          { role: 'user', content: `Subject: ${c.vars['subject']}\n\n${c.vars['body']}` },
        ],
        model: simulated,
        params: {},
      })
      expect(JSON.parse(answer)).toHaveProperty('category')
    }
    // Still only in the working copy: the last snapshot does not have them.
    expect(await allCases(core, dataset.id, first.id)).toHaveLength(dataset.caseCount)
    const second = await call<DatasetSnapshot>(core, 'datasets.snapshot', {
      datasetId: dataset.id,
      message: 'b',
    })
    const diff = await call<SnapshotDiff>(core, 'datasets.diffSnapshots', {
      datasetId: dataset.id,
      from: first.id,
      to: second.id,
    })
    expect(diff.added.map((c) => c.key).sort()).toEqual(generated.map((c) => c.key).sort())
    expect(diff.edited).toEqual([])

    const audit = auditActions(home)
    expect(audit).toEqual(
      expect.arrayContaining(['cases.generated', 'cases.generated.accepted', 'cases.generated.rejected']),
    )
    // A decided draft cannot be decided again.
    const again = await failure(core, 'caseDrafts.accept', { draftIds: [made[0]?.id] })
    expect(again.code).toBe('NOT_FOUND')
    expect(again.message).toContain('already accepted, rejected or removed')
    core.close()
  })

  it('refuses a segment without cases and a model nobody can call, storing nothing', async () => {
    const home = newHome()
    const core = fastDemo(home)
    const dataset = await demoDataset(core)
    const before = fingerprint(home)
    const empty = await failure(core, 'datasets.generateCases', {
      datasetId: dataset.id,
      tags: ['lang:xx'],
      model: simulated,
      count: 5,
    })
    expect(empty.message).toContain('no cases tagged "lang:xx"')
    const unknown = await failure(core, 'datasets.generateCases', {
      datasetId: dataset.id,
      tags: ['lang:de'],
      model: { provider: 'demo', model: 'no-such-sim' },
      count: 5,
    })
    expect(unknown.message).toContain('demo/no-such-sim could not be asked for cases')
    expect(unknown.message).toContain('Nothing was stored')
    expect(fingerprint(home)).toEqual(before)
    expect(await drafts(core, dataset.id)).toEqual([])
    core.close()
  })
})

function auditActions(home: string): string[] {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    return db.prepare<[], string>('SELECT action FROM audit_log ORDER BY rowid').pluck().all()
  } finally {
    db.close()
  }
}

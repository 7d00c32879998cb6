import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../../../electron/main/core'
import { createCoreContext, type CoreContext } from '../../../../electron/main/core/context'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { contentHash } from '../../../../electron/main/core/db/case-hash'
import { workingRevisions } from '../../../../electron/main/core/datasets/detail'
import { ensureSnapshot } from '../../../../electron/main/core/datasets/snapshot'
import { takeSnapshot } from '../../../../electron/main/core/runs/take-snapshot'
import type { Db } from '../../../../electron/main/core/db/connection'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'
import { demoCore } from '../core-calls'

const newHome = useTempHomes()
/** Members per chunk: the demo's 145 cases take three chunks. */
const CHUNK = 50

function demoWorkspace(home = newHome()): { db: Db; ctx: CoreContext; datasetId: string; home: string } {
  demoCore(home).close()
  const db = openConnection(join(home, 'evallab.db'))
  const ctx = createCoreContext(db, { user: 'runner', now: fixedClock() })
  const [demo] = ctx.repos.datasets.list()
  if (!demo) throw new Error('no demo dataset')
  return { db, ctx, datasetId: demo.id, home }
}

/** Edits the working case at `index` (in order), so the working copy no longer equals snapshot 1. */
function editCase(ctx: CoreContext, datasetId: string, index: number, notes: string): void {
  const c = ctx.repos.datasetCases.page(datasetId, index, 1)[0]
  if (!c) throw new Error(`no case at ${index}`)
  ctx.transaction(() => ctx.repos.datasetCases.update({ ...c, position: index, notes }))
}

const drafts = (db: Db) => db.prepare('SELECT COUNT(*) AS n FROM dataset_snapshots WHERE complete = 0').get()
const draftMembers = (db: Db): number =>
  (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM dataset_snapshot_cases
          WHERE snapshot_id IN (SELECT id FROM dataset_snapshots WHERE complete = 0)`,
      )
      .get() as { n: number }
  ).n

/** Runs `work` once the draft holds some members but not all: between two chunks. */
function betweenChunks(db: Db, work: () => void): void {
  const poll = (): void => {
    if (draftMembers(db) > 0) work()
    else setImmediate(poll)
  }
  setImmediate(poll)
}

const memberList = (ctx: CoreContext, snapshotId: string) =>
  ctx.repos.snapshots.allCases(snapshotId).map((c) => ({ ...c }))

describe('a snapshot written in chunks', () => {
  it('equals the one written in one transaction: same members, same hash', async () => {
    const { db, ctx, datasetId } = demoWorkspace()
    editCase(ctx, datasetId, 7, 'edited')
    const cloneFile = join(newHome(), 'clone.db')
    await db.backup(cloneFile)
    const clone = openConnection(cloneFile)
    const cloneCtx = createCoreContext(clone, { user: 'runner', now: fixedClock() })
    const whole = clone.transaction(() => ensureSnapshot(cloneCtx, datasetId)).immediate()
    const chunked = await takeSnapshot(ctx, datasetId, CHUNK)
    expect(chunked).toMatchObject({ number: 2, caseCount: 145, contentHash: whole.contentHash })
    expect(chunked.contentHash).toBe(contentHash(workingRevisions(ctx.repos, datasetId)))
    expect(memberList(ctx, chunked.id)).toEqual(memberList(cloneCtx, whole.id))
    expect(ctx.repos.snapshots.latest(datasetId)?.id).toBe(chunked.id)
    expect(drafts(db)).toEqual({ n: 0 })
    expect(await takeSnapshot(ctx, datasetId, CHUNK)).toEqual(chunked)
    clone.close()
    db.close()
  })

  it('is invisible to every read until it is complete', async () => {
    const { db, ctx, datasetId } = demoWorkspace()
    editCase(ctx, datasetId, 0, 'edited')
    const seen: unknown[] = []
    betweenChunks(db, () => {
      const draft = db.prepare('SELECT id FROM dataset_snapshots WHERE complete = 0').get() as { id: string }
      seen.push(
        ctx.repos.snapshots.get(draft.id),
        ctx.repos.snapshots.latest(datasetId)?.number,
        ctx.repos.snapshots.list(datasetId).length,
        ctx.repos.datasets.get(datasetId)?.snapshotCount,
      )
    })
    const taken = await takeSnapshot(ctx, datasetId, CHUNK)
    expect(seen).toEqual([null, 1, 1, 1])
    expect(taken.number).toBe(2)
    expect(ctx.repos.datasets.get(datasetId)?.snapshotCount).toBe(2)
    db.close()
  })

  it.each([
    ['already copied', 0],
    ['not yet copied', 144],
  ])('holds the working copy as it ends when a case %s is edited meanwhile', async (_, index) => {
    const { db, ctx, datasetId } = demoWorkspace()
    editCase(ctx, datasetId, 3, 'first edit')
    betweenChunks(db, () => editCase(ctx, datasetId, index, 'edited while copying'))
    const taken = await takeSnapshot(ctx, datasetId, CHUNK)
    expect(taken).toMatchObject({ number: 2, caseCount: 145 })
    expect(taken.contentHash).toBe(contentHash(workingRevisions(ctx.repos, datasetId)))
    expect(ctx.repos.snapshots.allCases(taken.id)[index]?.notes).toBe('edited while copying')
    expect(drafts(db)).toEqual({ n: 0 })
    expect(ctx.repos.snapshots.list(datasetId).map((s) => s.number)).toEqual([2, 1])
    db.close()
  })

  it('started twice at once gives one snapshot, numbered once', async () => {
    const { db, ctx, datasetId } = demoWorkspace()
    editCase(ctx, datasetId, 5, 'edited')
    const [a, b] = await Promise.all([
      takeSnapshot(ctx, datasetId, CHUNK),
      takeSnapshot(ctx, datasetId, CHUNK),
    ])
    expect(a).toEqual(b)
    expect(ctx.repos.snapshots.list(datasetId).map((s) => s.number)).toEqual([2, 1])
    expect(drafts(db)).toEqual({ n: 0 })
    db.close()
  })

  it('numbers drafts in the order they complete, after the newest complete snapshot', () => {
    const { db, ctx, datasetId } = demoWorkspace()
    editCase(ctx, datasetId, 5, 'edited')
    const draft = (id: string) => ({
      id,
      datasetId,
      message: 'm',
      createdAt: 't',
      createdBy: 'u',
      caseCount: 145,
    })
    const [first, second] = [draft('dss_first'), draft('dss_second')]
    for (const d of [first, second]) {
      ctx.transaction(() => {
        ctx.repos.snapshots.copyRevisionsBetween(datasetId, 0, 1000)
        ctx.repos.snapshots.insertDraft(d)
        ctx.repos.snapshots.copyDraftMembers(d, { after: null, position: 0, limit: 145 })
      })
    }
    ctx.transaction(() => ctx.repos.snapshots.completeDraft(second, 'sha256:b'))
    ctx.transaction(() => ctx.repos.snapshots.completeDraft(first, 'sha256:a'))
    expect(ctx.repos.snapshots.list(datasetId).map((s) => [s.id, s.number])).toEqual([
      ['dss_first', 3],
      ['dss_second', 2],
      [expect.any(String), 1],
    ])
    db.close()
  })

  it('left half written by a crash is removed when the workspace opens', () => {
    const { db, ctx, datasetId, home } = demoWorkspace()
    editCase(ctx, datasetId, 5, 'edited')
    const d = { id: 'dss_cut', datasetId, message: 'm', createdAt: 't', createdBy: 'u', caseCount: 145 }
    ctx.transaction(() => {
      ctx.repos.snapshots.copyRevisionsBetween(datasetId, 0, 1000)
      ctx.repos.snapshots.insertDraft(d)
      ctx.repos.snapshots.copyDraftMembers(d, { after: null, position: 0, limit: CHUNK })
    })
    db.close()
    const core = openCore({ home, user: 'tester', now: fixedClock() })
    expect(core.status.state).toBe('ready')
    core.close()
    const reopened = openConnection(join(home, 'evallab.db'))
    expect(drafts(reopened)).toEqual({ n: 0 })
    expect(draftMembers(reopened)).toBe(0)
    expect(
      reopened
        .prepare(`SELECT COUNT(*) AS n FROM dataset_snapshot_cases WHERE snapshot_id = 'dss_cut'`)
        .get(),
    ).toEqual({ n: 0 })
    reopened.close()
  })
})

import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { ExpectedCorrection } from '../../../../shared/domain/corrections'
import type { CaseFields, DatasetCase, SnapshotDiff } from '../../../../shared/domain/datasets'
import type { Repos } from '../db/repos'
import { requireDataset } from './detail'
import { caseFields } from '../db/case-hash'
import { requireSnapshot } from './snapshot'
import { correctionsBetween } from './corrections'

type CaseChange = SnapshotDiff['edited'][number]

/**
 * What changed between a snapshot and a later snapshot or the working copy. Cases are matched by the stable id
 * of the working case they came from, so a renamed key is an edit (`key`), not a removal and an addition.
 * `to` is a snapshot id or `'working'` for the working copy.
 */
export function diffSnapshots(repos: Repos, datasetId: string, from: string, to: string): SnapshotDiff {
  requireDataset(repos, datasetId)
  const base = requireSnapshot({ repos }, datasetId, from)
  const before = repos.snapshots.allCases(base.id)
  let after: DatasetCase[]
  let toLabel: string
  let toNumber: number | null = null
  if (to === 'working') {
    after = repos.datasetCases.all(datasetId)
    toLabel = 'Working copy'
  } else {
    const target = requireSnapshot({ repos }, datasetId, to)
    after = repos.snapshots.allCases(target.id)
    toLabel = `Snapshot ${target.number}`
    toNumber = target.number
  }
  const changes = compareCases(before, after)
  const corrections = correctionsBetween(repos, datasetId, base.number, toNumber)
  const edited = withCorrections(changes.edited, after, corrections)
  return { from: `Snapshot ${base.number}`, to: toLabel, ...changes, edited }
}

/** Each edit carries the corrections of its case whose field still differs between the diff's ends. */
function withCorrections(
  edited: CaseChange[],
  after: readonly DatasetCase[],
  corrections: readonly ExpectedCorrection[],
): CaseChange[] {
  if (corrections.length === 0) return edited
  const idOfKey = new Map(after.map((c) => [c.key, c.id]))
  return edited.map((change) => {
    const caseId = idOfKey.get(change.key)
    const own = corrections.filter(
      (c) => c.caseId === caseId && change.fields.includes(`expected.${c.field}`),
    )
    return own.length > 0 ? { ...change, corrections: own } : change
  })
}

/** Added in `after` order, removed in `before` order, edited in `after` order. */
export function compareCases(
  before: readonly DatasetCase[],
  after: readonly DatasetCase[],
): Omit<SnapshotDiff, 'from' | 'to'> {
  const beforeById = new Map(before.map((c) => [c.id, c]))
  const afterIds = new Set(after.map((c) => c.id))
  const added: CaseChange[] = []
  const edited: CaseChange[] = []
  let unchanged = 0
  for (const c of after) {
    const old = beforeById.get(c.id)
    if (!old) {
      added.push({ key: c.key, before: null, after: caseFields(c), fields: [] })
      continue
    }
    const fields = changedFields(old, c)
    if (fields.length === 0) unchanged += 1
    else edited.push({ key: c.key, before: caseFields(old), after: caseFields(c), fields })
  }
  const removed = before
    .filter((c) => !afterIds.has(c.id))
    .map((c) => ({ key: c.key, before: caseFields(c), after: null, fields: [] }))
  return { added, removed, edited, unchanged }
}

/**
 * The parts of a case that differ: `key`, `vars.<name>`, `expected.<name>`, `expectedOutput`, `tags`, `notes`,
 * `conversation` (any turn added, removed or edited) and `toolResults`.
 */
export function changedFields(a: CaseFields, b: CaseFields): string[] {
  const fields: string[] = []
  if (a.key !== b.key) fields.push('key')
  fields.push(...changedEntries('vars', a.vars, b.vars))
  fields.push(...changedEntries('expected', a.expected, b.expected))
  if (a.expectedOutput !== b.expectedOutput) fields.push('expectedOutput')
  if (canonicalJson(a.tags) !== canonicalJson(b.tags)) fields.push('tags')
  if (a.notes !== b.notes) fields.push('notes')
  if (optionalJson(a.conversation) !== optionalJson(b.conversation)) fields.push('conversation')
  if (optionalJson(a.toolResults) !== optionalJson(b.toolResults)) fields.push('toolResults')
  return fields
}

function changedEntries(prefix: string, a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return names.filter((name) => encoded(a, name) !== encoded(b, name)).map((name) => `${prefix}.${name}`)
}

const optionalJson = (value: unknown): string | undefined =>
  value === undefined ? undefined : canonicalJson(value)

/** A missing entry differs from every present value, including null. */
function encoded(record: Record<string, unknown>, name: string): string | undefined {
  return Object.hasOwn(record, name) ? canonicalJson(record[name]) : undefined
}

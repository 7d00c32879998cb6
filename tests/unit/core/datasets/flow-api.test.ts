import { describe, expect, it } from 'vitest'
import type {
  DatasetCasePage,
  DatasetDetail,
  DatasetSnapshot,
  SnapshotDiff,
} from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import { allCases, base64, importAsNew, type ImportResult } from './api-helpers'

const newHome = useTempHomes()

const rows = Array.from({ length: 24 }, (_, i) => {
  const n = i + 1
  return `T-${n},Ticket ${n}: my order ${n} is late,${n % 2 ? 'smb' : 'enterprise'},shipping,`
})
const csv = ['Ticket ID,Message,Segment,Expected category,Comment', ...rows].join('\r\n')

describe('curating a dataset end to end (the acceptance flow, through dispatch)', () => {
  it('imports with a mapping, edits, tags ten, filters, exports, re-imports and diffs snapshots', async () => {
    const core = demoCore(newHome())
    const imported = await importAsNew(core, 'tickets.csv', csv, 'Late orders', {
      'Ticket ID': { role: 'key' },
      Message: { role: 'var', name: 'customer_message' },
      Segment: { role: 'tag', prefix: 'segment' },
      'Expected category': { role: 'expected', name: 'category' },
      Comment: { role: 'notes' },
    })
    const datasetId = imported.dataset.id
    expect(imported.dataset.tagCounts).toEqual({ 'segment:enterprise': 12, 'segment:smb': 12 })
    const one = await call<DatasetSnapshot>(core, 'datasets.snapshot', { datasetId, message: 'Imported' })

    const cases = await allCases(core, datasetId)
    await call(core, 'cases.update', { caseId: cases[0]?.id, patch: { expected: { category: 'delivery' } } })
    const ten = cases.slice(5, 15).map((c) => c.id)
    expect(await call(core, 'cases.tag', { caseIds: ten, add: ['difficulty:hard'] })).toEqual({ updated: 10 })
    const filtered = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId,
      tags: ['difficulty:hard', 'segment:smb'],
      search: 'late',
    })
    expect(filtered.total).toBe(5)

    const exported = await call<{ fileName: string; content: string }>(core, 'datasets.export', {
      datasetId,
      format: 'csv',
    })
    expect(exported.fileName).toBe('late-orders.csv')
    const preview = await call<{ layout: string; needsMapping: boolean; mapping: object }>(
      core,
      'datasets.importPreview',
      { fileName: exported.fileName, contentBase64: base64(exported.content) },
    )
    expect(preview).toMatchObject({ layout: 'evallab', needsMapping: false })
    const reimported = await call<ImportResult>(core, 'datasets.importCommit', {
      fileName: exported.fileName,
      contentBase64: base64(exported.content),
      mapping: preview.mapping,
      target: { kind: 'existing', datasetId, mode: 'replace' },
    })
    expect(reimported.imported).toMatchObject({ added: 0, removed: 0, updated: 0, unchanged: 24 })
    expect(reimported.changedSinceSnapshot).toBe(true)

    const two = await call<DatasetSnapshot>(core, 'datasets.snapshot', { datasetId, message: 'Curated' })
    const diff = await call<SnapshotDiff>(core, 'datasets.diffSnapshots', {
      datasetId,
      from: one.id,
      to: two.id,
    })
    expect(diff).toMatchObject({
      from: 'Snapshot 1',
      to: 'Snapshot 2',
      added: [],
      removed: [],
      unchanged: 13,
    })
    expect(diff.edited.map((e) => [e.key, e.fields])).toEqual([
      ['T-1', ['expected.category']],
      ...cases.slice(5, 15).map((c) => [c.key, ['tags']]),
    ])
    const detail = await call<DatasetDetail>(core, 'datasets.get', { id: datasetId })
    expect(detail.snapshots.map((s) => s.number)).toEqual([2, 1])
    core.close()
  })
})

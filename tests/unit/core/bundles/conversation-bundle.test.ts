import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Baseline } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allCases } from '../datasets/api-helpers'
import { quickDemoCore, runSlice, sim03, triage } from '../scoring/gates/demo-runs'
import { openContext } from './import-helpers'

const newHome = useTempHomes()

const conversation = [
  { role: 'user' as const, content: 'My card was charged twice.' },
  { role: 'assistant' as const, content: 'Which order, {{case.key}}?' },
  { role: 'user' as const, content: 'Order 42.' },
]
const toolResults = { lookup_order: ['{"charged": 2}', '{"charged": 1}'] }

describe('a baseline bundle of a dataset with conversation cases', () => {
  it('carries the turns and canned results in dataset.jsonl and imports them into the same case', async () => {
    const home = newHome()
    const core = quickDemoCore(home)
    const t = await triage(core)
    const [first] = await allCases(core, t.datasetId)
    await call<DatasetCase>(core, 'cases.update', { caseId: first?.id, patch: { conversation, toolResults } })
    const { run, slice } = await runSlice(core, t, 5, sim03)
    await call(core, 'runs.score', { runId: run.id })
    await call<Baseline>(core, 'baselines.set', { promptId: t.promptId, runId: run.id, slice, note: '' })
    core.close()

    const source = openContext(home)
    const files = buildBundle(source.ctx, t.promptId).files
    source.close()
    const firstLine = JSON.parse(files.get(bundlePaths.dataset)?.split('\n')[0] ?? '{}') as DatasetCase
    expect(firstLine.conversation).toEqual(conversation)
    expect(firstLine.toolResults).toEqual(toolResults)

    const target = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(target.ctx, files)
    const snapshotId = target.ctx.repos.runs.get(report.runId)?.datasetSnapshotId ?? ''
    const imported = target.ctx.repos.snapshots.allCases(snapshotId)
    expect(imported[0]).toMatchObject({ key: first?.key, conversation, toolResults })
    expect(imported.slice(1).some((c) => 'conversation' in c)).toBe(false)
    target.close()
  }, 60_000)
})

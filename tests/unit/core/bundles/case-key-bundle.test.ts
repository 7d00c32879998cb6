import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import type { CoreContext } from '../../../../electron/main/core/context'
import type { PromptDetail, PromptVersion } from '../../../../shared/domain/prompts'
import type { Baseline } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { quickDemoCore, runSlice, sim03, triage } from '../scoring/gates/demo-runs'
import { openContext } from './import-helpers'

const newHome = useTempHomes()

/** Each result's rendered user message by case key: what the model saw. */
function sentByKey(ctx: CoreContext, runId: string): Record<string, string> {
  const run = ctx.repos.runs.get(runId)
  const keys = new Map(ctx.repos.snapshots.allCases(run?.datasetSnapshotId ?? '').map((c) => [c.id, c.key]))
  const results = ctx.repos.runResults.page(runId, {}, 0, 500)
  return Object.fromEntries(
    results.map((r) => [keys.get(r.caseId) ?? '?', r.request.messages.at(-1)?.content ?? '']),
  )
}

describe('{{case.key}} in a baseline folder', () => {
  it('renders the same key in the imported run as in the run that was exported', async () => {
    const home = newHome()
    const core = quickDemoCore(home)
    const t = await triage(core)
    const v5 = await call<PromptDetail>(core, 'prompts.get', { id: t.promptId, versionNumber: 5 })
    const [system, user] = v5.version.messages
    await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: t.promptId,
      baseVersionId: v5.version.id,
      messages: [system, { role: 'user', content: `Ticket {{case.key}}\n${user?.content ?? ''}` }],
      message: 'Name the ticket',
    })
    const { run, slice } = await runSlice(core, await triage(core), 6, sim03)
    await call(core, 'runs.score', { runId: run.id })
    await call<Baseline>(core, 'baselines.set', { promptId: t.promptId, runId: run.id, slice, note: '' })
    core.close()

    const source = openContext(home)
    const files = buildBundle(source.ctx, t.promptId).files
    const exported = sentByKey(source.ctx, run.id)
    source.close()
    const [someKey, someText] = Object.entries(exported)[0] ?? []
    expect(someText?.startsWith(`Ticket ${someKey}\n`)).toBe(true)

    const target = openContext(newHome(), { seedDemo: false })
    const report = await importBundle(target.ctx, files)
    expect(sentByKey(target.ctx, report.runId)).toEqual(exported)
    target.close()
  }, 60_000)
})

import type { Baseline, SliceKey } from '../../../../../shared/domain/scoring'
import type { CoreContext } from '../../context'
import { requirePrompt, requireVersion } from '../../prompts/detail'
import { requireCompleted, requireRun, requireSliceInRun } from './slice'

export interface BaselineInput {
  promptId: string
  runId: string
  slice: SliceKey
  note: string
}

/**
 * Marks one slice of a run as the prompt's baseline on the run's dataset snapshot. Runs inside the
 * caller's write transaction; replacing a baseline keeps the previous one in the audit log.
 */
export function setBaseline(ctx: CoreContext, input: BaselineInput): Baseline {
  const { repos } = ctx
  const prompt = requirePrompt(repos, input.promptId)
  const version = requireVersion(repos, prompt, input.slice.promptVersionId)
  const run = requireRun(ctx, input.runId)
  requireSliceInRun(ctx, run, input.slice, version.number)
  requireCompleted(run)
  const previous = repos.baselines.get(prompt.id, run.datasetSnapshotId)
  const baseline: Baseline = {
    promptId: prompt.id,
    datasetSnapshotId: run.datasetSnapshotId,
    runId: run.id,
    slice: input.slice,
    setBy: ctx.user,
    setAt: ctx.now(),
    note: input.note.trim(),
  }
  repos.baselines.set(baseline)
  repos.audit.append({
    at: baseline.setAt,
    actor: ctx.user,
    action: previous ? 'baseline.replaced' : 'baseline.set',
    entityType: 'prompt',
    entityId: prompt.id,
    details: {
      datasetSnapshotId: baseline.datasetSnapshotId,
      runId: run.id,
      slice: baseline.slice,
      versionNumber: version.number,
      note: baseline.note,
      previous: previous ? { runId: previous.runId, slice: previous.slice, setBy: previous.setBy } : null,
    },
  })
  return baseline
}

/** The prompt's baselines, one per dataset snapshot, newest first. */
export function listBaselines(ctx: CoreContext, promptId: string): Baseline[] {
  requirePrompt(ctx.repos, promptId)
  return ctx.repos.baselines.forPrompt(promptId)
}

/**
 * Imports a baseline folder into this workspace in one write transaction: the prompt and its versions, the
 * rubrics and suite, the dataset snapshot, the baseline run with its results and scores, the baseline and its
 * sign-offs. Anything refused leaves the workspace as it was; importing the same folder again changes nothing.
 */
import { AppError } from '../../../../shared/contract'
import type { BundleImport } from '../../../../shared/domain/bundles'
import type { Baseline } from '../../../../shared/domain/scoring'
import { writeTransaction, type CoreContext } from '../context'
import { bundlePaths, type BundleFiles } from './format'
import { importDataset } from './import-dataset'
import { importPrompt } from './import-prompt'
import { importRun } from './import-run'
import { importBaseline, importSignoffs } from './import-signoffs'
import { checkGatesCode, importRubrics, importSuite } from './import-suite'
import { parseBundle } from './parse'

export async function importBundle(ctx: CoreContext, files: BundleFiles): Promise<BundleImport> {
  const parsed = parseBundle(files)
  await checkGatesCode(parsed.gates)
  return writeTransaction(ctx, () => {
    const prompt = importPrompt(ctx, parsed.prompt)
    const rubrics = importRubrics(ctx, parsed.rubrics)
    const dataset = importDataset(ctx, files.get(bundlePaths.dataset) ?? '', parsed.dataset, parsed.baseline)
    const suite = importSuite(ctx, prompt.prompt.id, parsed.gates, rubrics.ids)
    const version = ctx.repos.prompts.version(prompt.prompt.id, parsed.baseline.promptVersion)
    if (!version) {
      throw new AppError(
        'INVALID_INPUT',
        `${bundlePaths.baseline}: promptVersion ${parsed.baseline.promptVersion} was not imported`,
      )
    }
    const cases = new Map(ctx.repos.snapshots.allCases(dataset.snapshot.id).map((c) => [c.key, c]))
    const run = importRun(ctx, {
      baseline: parsed.baseline,
      results: parsed.results,
      version,
      datasetId: dataset.datasetId,
      snapshotId: dataset.snapshot.id,
      cases,
      suite: suite.suite,
    })
    const baseline: Baseline = {
      promptId: prompt.prompt.id,
      datasetSnapshotId: dataset.snapshot.id,
      runId: run.run.id,
      slice: {
        promptVersionId: version.id,
        provider: parsed.baseline.provider,
        modelId: parsed.baseline.modelId,
      },
      setBy: parsed.baseline.setBy,
      setAt: parsed.baseline.setAt,
      note: parsed.baseline.note,
    }
    const baselineChanged = importBaseline(ctx, baseline)
    const signoffsAdded = importSignoffs(ctx, parsed.signoffs, baseline)
    const unchanged =
      prompt.versionsAdded === 0 &&
      prompt.moved.length === 0 &&
      rubrics.added === 0 &&
      !dataset.changed &&
      !suite.added &&
      !run.added &&
      !baselineChanged &&
      signoffsAdded === 0
    if (!unchanged) {
      auditImport(ctx, prompt.prompt.id, {
        versionsAdded: prompt.versionsAdded,
        environmentsMoved: prompt.moved,
        rubricsAdded: rubrics.added,
        datasetSnapshotId: dataset.snapshot.id,
        suiteVersion: suite.suite.version,
        runId: run.run.id,
        baselineChanged,
        signoffsAdded,
      })
    }
    return {
      promptId: prompt.prompt.id,
      promptName: prompt.prompt.name,
      versionsAdded: prompt.versionsAdded,
      datasetId: dataset.datasetId,
      datasetSnapshotId: dataset.snapshot.id,
      runId: run.run.id,
      signoffsAdded,
      unchanged,
    }
  })
}

/** What the import moved, for the record: the folder is the team's record, so no promotion checks ran. */
function auditImport(ctx: CoreContext, promptId: string, details: Record<string, unknown>): void {
  ctx.repos.audit.append({
    at: ctx.now(),
    actor: ctx.user,
    action: 'bundle.imported',
    entityType: 'prompt',
    entityId: promptId,
    details,
  })
}

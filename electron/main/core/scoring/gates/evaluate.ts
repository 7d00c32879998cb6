import type { Run } from '../../../../../shared/domain/runs'
import type { GateResult, GateRule, SliceKey } from '../../../../../shared/domain/scoring'
import { writeTransaction, type CoreContext } from '../../context'
import type { ScoredOutput } from '../../db/repos/run-scores'
import { newId } from '../../ids'
import { requirePrompt } from '../../prompts/detail'
import type { ScoringDeps } from '../deps'
import { suiteMetrics, type SuiteMetric } from '../metrics'
import { scoreResults } from '../score-run'
import { latestSuite } from '../suites'
import { evaluateRules } from './evaluate-rules'
import type { BaselineEvidence } from './evidence'
import { caseKeysOf, loadSliceEvidence } from './load-evidence'
import {
  inSlice,
  requireCompleted,
  requireRun,
  requireSliceInRun,
  requireSliceVersion,
  sameSlice,
} from './slice'

/** What the gate compares, gathered once for the full gate and the canary alike. */
export interface GateSetup {
  run: Run
  slice: SliceKey
  promptId: string
  suiteVersion: number
  rules: GateRule[]
  metrics: SuiteMetric[]
  baseline: { runId: string; slice: SliceKey } | null
}

export function gateSetup(ctx: CoreContext, run: Run, slice: SliceKey): GateSetup {
  const version = requireSliceVersion(ctx, slice)
  requireSliceInRun(ctx, run, slice, version.number)
  const suite = latestSuite(ctx, version.promptId)
  const baseline = ctx.repos.baselines.get(version.promptId, run.datasetSnapshotId)
  return {
    run,
    slice,
    promptId: version.promptId,
    suiteVersion: suite.version,
    rules: suite.gates,
    metrics: suiteMetrics(ctx.repos, suite),
    baseline: baseline ? { runId: baseline.runId, slice: baseline.slice } : null,
  }
}

/**
 * Scores what the current suite has not scored yet on both sides (stored outputs only, never the evaluated
 * model): a gate must compare the two slices on the same scorers.
 */
export async function scoreBothSides(
  ctx: CoreContext,
  setup: GateSetup,
  options: { judges: boolean; include?: (caseId: string) => boolean },
  deps: ScoringDeps = {},
): Promise<void> {
  const include = options.include ?? (() => true)
  const sides = [{ runId: setup.run.id, slice: setup.slice }]
  if (setup.baseline && !isSelf(setup)) sides.push(setup.baseline)
  for (const side of sides) {
    const resultFilter = (r: ScoredOutput): boolean => inSlice(side.slice)(r) && include(r.caseId)
    await scoreResults(ctx, side.runId, { judges: options.judges, resultFilter }, deps)
  }
}

const isSelf = (setup: GateSetup): boolean =>
  setup.baseline !== null &&
  setup.baseline.runId === setup.run.id &&
  sameSlice(setup.baseline.slice, setup.slice)

export function baselineEvidence(
  ctx: CoreContext,
  setup: GateSetup,
  include?: (caseId: string) => boolean,
): BaselineEvidence {
  if (!setup.baseline) return { kind: 'none' }
  if (isSelf(setup)) return { kind: 'self' }
  const evidence = loadSliceEvidence(ctx, setup.baseline.runId, setup.baseline.slice, setup.metrics, include)
  return { kind: 'slice', evidence }
}

/**
 * Compares one slice of a run with its prompt's baseline on the run's dataset snapshot, under the rules of
 * the prompt's latest eval suite, and stores the result as evidence for promotion.
 */
export async function evaluateGate(
  ctx: CoreContext,
  runId: string,
  slice: SliceKey,
  deps: ScoringDeps = {},
): Promise<GateResult> {
  const run = requireRun(ctx, runId)
  const setup = gateSetup(ctx, run, slice)
  requireCompleted(run)
  await scoreBothSides(ctx, setup, { judges: true }, deps)
  const outcome = evaluateRules({
    rules: setup.rules,
    candidate: loadSliceEvidence(ctx, run.id, slice, setup.metrics),
    baseline: baselineEvidence(ctx, setup),
    caseKeys: caseKeysOf(ctx, run.datasetSnapshotId),
    mode: 'gate',
  })
  const result: GateResult = {
    id: newId('gate'),
    promptId: setup.promptId,
    promptVersionId: slice.promptVersionId,
    candidateRunId: run.id,
    candidate: slice,
    baselineRunId: setup.baseline?.runId ?? null,
    suiteVersion: setup.suiteVersion,
    ...outcome,
    createdAt: ctx.now(),
    createdBy: ctx.user,
  }
  writeTransaction(ctx, () => storeGateResult(ctx, result))
  return result
}

function storeGateResult(ctx: CoreContext, result: GateResult): void {
  ctx.repos.gateResults.insert(result)
  ctx.repos.audit.append({
    at: result.createdAt,
    actor: result.createdBy,
    action: 'gate.evaluated',
    entityType: 'prompt',
    entityId: result.promptId,
    details: {
      gateResultId: result.id,
      runId: result.candidateRunId,
      slice: result.candidate,
      baselineRunId: result.baselineRunId,
      suiteVersion: result.suiteVersion,
      verdict: result.verdict,
      failedRules: result.rules.filter((r) => r.verdict === 'fail').map((r) => r.label),
    },
  })
}

/** The prompt's gate results, newest first. */
export function listGateResults(ctx: CoreContext, promptId: string): GateResult[] {
  requirePrompt(ctx.repos, promptId)
  return ctx.repos.gateResults.forPrompt(promptId)
}

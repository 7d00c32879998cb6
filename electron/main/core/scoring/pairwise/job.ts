import type { PairwiseOrder } from '../../../../../shared/domain/pairwise'
import type { PairwiseJudgmentRow } from '../../db/repos/pairwise'
import { ResultWriter } from '../../runs/result-writer'
import type { CoreContext } from '../../context'
import type { JudgeEnv } from '../judge/call'
import { judgeOnce, type PairwiseTask } from './judge-case'
import type { PairwisePlan } from './plan'
import { sharedCases } from './shared-cases'

/** Judge calls in flight per comparison; the provider's lane still caps what really goes out at once. */
const WORKERS = 16

const orders: readonly PairwiseOrder[] = ['ab', 'ba']

/** The calls still to make: every judgeable case in both orders, minus the ones that already have a verdict. */
export function pendingTasks(ctx: CoreContext, comparisonId: string, plan: PairwisePlan): PairwiseTask[] {
  const done = new Set(
    ctx.repos.pairwise
      .facts(comparisonId)
      .filter((f) => f.verdict !== null)
      .map((f) => `${f.caseId}/${f.order}`),
  )
  const shared = sharedCases(ctx, plan.snapshotId, plan.input.a, plan.input.b)
  return shared.judgeable.flatMap((c) =>
    orders
      .filter((order) => !done.has(`${c.case.id}/${order}`))
      .map((order) => ({
        comparisonId,
        rubric: plan.rubric,
        criterion: plan.criterion,
        judge: plan.input.judge,
        shared: c,
        order,
      })),
  )
}

export interface JobHooks {
  signal: AbortSignal
  /** After each batch of judgments is committed. */
  onWritten: () => void
}

/** Writes judgments in short batches (not one transaction per call); a failed write stops the job. */
function judgmentWriter(ctx: CoreContext, hooks: JobHooks, fail: (error: unknown) => void) {
  return new ResultWriter<PairwiseJudgmentRow>({
    maxRows: 50,
    maxDelayMs: 200,
    write: (rows) =>
      ctx.transaction(() => {
        for (const row of rows) ctx.repos.pairwise.upsertJudgment(row)
        return rows.length
      }),
    onFlushed: () => hooks.onWritten(),
    onError: fail,
  })
}

/**
 * Makes the calls (a few workers pulling from one list), queues each judgment for writing, and resolves
 * when all are made or the signal aborts. A call cut off by the abort is not stored: starting again asks
 * it. Resolves with the write error when the database refused a batch.
 */
export async function runJudgments(
  ctx: CoreContext,
  tasks: readonly PairwiseTask[],
  env: JudgeEnv,
  hooks: JobHooks,
): Promise<{ writeError: unknown }> {
  let writeError: unknown = null
  const stop = new AbortController()
  const writer = judgmentWriter(ctx, hooks, (error) => {
    writeError ??= error
    stop.abort()
  })
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length && !hooks.signal.aborted && !stop.signal.aborted) {
      const task = tasks[next++]
      if (!task) return
      const row = await judgeOnce(task, env)
      if (row.verdict === null && hooks.signal.aborted) return
      writer.add(row)
    }
  }
  await Promise.all(Array.from({ length: Math.min(WORKERS, tasks.length) }, worker))
  writer.close()
  return { writeError }
}

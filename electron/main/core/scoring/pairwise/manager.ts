import { setMaxListeners } from 'node:events'
import { AppError } from '../../../../../shared/contract'
import type { PairwiseComparison, PairwiseStart } from '../../../../../shared/domain/pairwise'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { writeTransaction, type CoreContext } from '../../context'
import type { PairwiseRow } from '../../db/repos/pairwise'
import type { EventBus } from '../../events'
import { newId } from '../../ids'
import type { ScoringDeps } from '../deps'
import type { JudgeEnv } from '../judge/call'
import { judgeSetups } from '../judge/env'
import { pendingTasks, runJudgments } from './job'
import { planPairwise, type PairwisePlan } from './plan'
import { comparisonView, requireComparison } from './view'

interface Job {
  controller: AbortController
  done: Promise<void>
}

const tables = ['pairwise_comparisons', 'pairwise_judgments'] as const

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : JSON.stringify(error))

/** Owns the pairwise comparisons judging in this process: starts them in the background and cancels them. */
export class PairwiseManager {
  private readonly jobs = new Map<string, Job>()
  private closed = false

  constructor(
    private readonly ctx: CoreContext,
    private readonly bus: EventBus,
    private readonly deps: ScoringDeps = {},
  ) {
    // Still marked running: the app quit mid-way. Starting it again resumes it.
    ctx.repos.pairwise.interruptRunning(ctx.now())
  }

  /** Stores (or reopens) the comparison, then judges in the background; returns at once. */
  async start(input: PairwiseStart): Promise<PairwiseComparison> {
    const plan = planPairwise(this.ctx, input)
    const controller = new AbortController()
    // Every call in flight (and each retry's wait) listens to the one signal.
    setMaxListeners(64, controller.signal)
    const env = await this.judgeEnv(plan, controller.signal)
    // From here to the job's registration nothing awaits: two starts of one comparison cannot both open it.
    const existing = this.ctx.repos.pairwise.find(input)
    if (existing && this.jobs.has(existing.id)) return comparisonView(this.ctx, existing)
    const row = this.open(existing, plan)
    const tasks = pendingTasks(this.ctx, row.id, plan)
    const done = this.judge(row.id, tasks, env, controller)
    this.jobs.set(row.id, { controller, done })
    return comparisonView(this.ctx, requireComparison(this.ctx, row.id))
  }

  /** Stops the calls; what was judged stays. Waits until the job has written what it had. */
  async cancel(id: string): Promise<PairwiseComparison> {
    const row = requireComparison(this.ctx, id)
    const job = this.jobs.get(id)
    if (job) {
      job.controller.abort()
      await job.done
    }
    return comparisonView(this.ctx, requireComparison(this.ctx, row.id))
  }

  /** The core is closing: stop every job; their comparisons stay resumable. */
  close(): void {
    this.closed = true
    for (const job of this.jobs.values()) job.controller.abort()
  }

  private async judgeEnv(plan: PairwisePlan, signal: AbortSignal): Promise<JudgeEnv> {
    const setups = await judgeSetups(this.ctx, [plan.input.judge], { ...this.deps, signal })
    const setup = setups.get(modelKey(plan.input.judge))
    if (!setup?.ok)
      throw new AppError(
        'INVALID_INPUT',
        `The judge model ${modelKey(plan.input.judge)} cannot be called: ${setup?.error ?? 'not set up'}`,
      )
    return setup.env
  }

  private open(existing: PairwiseRow | null, plan: PairwisePlan): PairwiseRow {
    const now = this.ctx.now()
    const id = existing?.id ?? newId('pw')
    writeTransaction(this.ctx, () => {
      if (existing) this.ctx.repos.pairwise.setStatus(id, 'running', null, now)
      else
        this.ctx.repos.pairwise.insert({
          ...plan.input,
          id,
          status: 'running',
          createdAt: now,
          createdBy: this.ctx.user,
        })
      this.ctx.repos.audit.append({
        at: now,
        actor: this.ctx.user,
        action: existing ? 'pairwise.resumed' : 'pairwise.started',
        entityType: 'pairwise_comparison',
        entityId: id,
        details: {
          a: plan.input.a,
          b: plan.input.b,
          criterion: plan.input.criterionKey,
          judge: plan.input.judge,
        },
      })
    })
    return requireComparison(this.ctx, id)
  }

  private markFailed(id: string, error: unknown): void {
    try {
      this.ctx.repos.pairwise.setStatus(id, 'failed', messageOf(error), this.ctx.now())
      this.bus.emit('db.changed', { tables: [...tables] })
    } catch {
      // The workspace is closing or broken: the comparison stays marked running and is reset on next open.
    }
  }

  private async judge(
    id: string,
    tasks: Parameters<typeof runJudgments>[1],
    env: JudgeEnv,
    controller: AbortController,
  ) {
    const changed = (): void => {
      if (!this.closed) this.bus.emit('db.changed', { tables: [...tables] })
    }
    try {
      const { writeError } = await runJudgments(this.ctx, tasks, env, {
        signal: controller.signal,
        onWritten: changed,
      })
      if (this.closed) return
      const status = writeError ? 'failed' : controller.signal.aborted ? 'cancelled' : 'completed'
      const error = writeError ? `Judgments could not be saved: ${messageOf(writeError)}` : null
      this.ctx.repos.pairwise.setStatus(id, status, error, this.ctx.now())
      changed()
    } catch (error) {
      // The job runs unobserved: a failure is recorded on the comparison, never left as a rejected promise.
      if (!this.closed) this.markFailed(id, error)
    } finally {
      this.jobs.delete(id)
    }
  }
}

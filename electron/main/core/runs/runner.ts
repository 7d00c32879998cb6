import { AppError } from '../../../../shared/contract'
import type { Run, RunEstimate, RunPlan, RunStatus } from '../../../../shared/domain/runs'
import { writeTransaction, type CoreContext } from '../context'
import type { EventBus } from '../events'
import { newId } from '../ids'
import { startCanary } from './canary'
import { estimatePlan, planPriceTable, planSettings, resolvePlan } from './plan'
import type { RunnerOptions } from './run-options'
import { RunSession } from './run-session'

const resumable: ReadonlySet<RunStatus> = new Set(['paused', 'interrupted', 'cancelled', 'failed'])

/** Owns the runs executing in this process: starts them in the background, pauses, cancels, resumes. */
export class RunManager {
  private readonly sessions = new Map<string, RunSession>()
  private closed = false

  constructor(
    private readonly ctx: CoreContext,
    private readonly bus: EventBus,
    private readonly options: RunnerOptions = {},
  ) {
    // A run still marked running was cut off by a crash or a kill: offer to resume it.
    ctx.repos.runs.interruptRunning()
    if (options.resumeBatchRuns ?? true) this.resumeBatchRuns()
  }

  /**
   * A batch-mode run cut off while its jobs were out keeps waiting for them: it is relaunched at once, so it
   * polls and collects instead of sitting interrupted while the provider works. A paused run stays paused.
   */
  private resumeBatchRuns(): void {
    for (const id of this.ctx.repos.batchJobs.runsWithUnfinished()) {
      const run = this.ctx.repos.runs.get(id)
      if (run?.status !== 'interrupted' || run.plan.mode !== 'batch') continue
      try {
        this.resume(id)
      } catch {
        // Its provider is gone or has no key now: it stays interrupted, and resuming it says why.
      }
    }
  }

  async plan(plan: RunPlan): Promise<RunEstimate> {
    const resolved = await resolvePlan(this.ctx, plan, this.options)
    return estimatePlan(this.ctx, resolved, this.ctx.repos.resultHistory)
  }

  /** Stores the run before its first call, then returns while the calls go on in the background. */
  async start(plan: RunPlan, name: string): Promise<Run> {
    const resolved = await resolvePlan(this.ctx, plan, this.options)
    const priceTable = await planPriceTable(resolved)
    const { versions, snapshot } = resolved
    const caseCount = snapshot.caseCount
    const now = this.ctx.now()
    const run: Run = {
      id: newId('run'),
      name,
      status: 'running',
      plan,
      datasetSnapshotId: snapshot.id,
      priceTable,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      createdBy: this.ctx.user,
      counts: {
        total: caseCount * versions.length * plan.models.length * plan.repeats,
        done: 0,
        errors: 0,
        cached: 0,
        spentUsd: 0,
      },
      canary: startCanary(plan.canary, caseCount),
      failure: null,
    }
    writeTransaction(this.ctx, () => {
      this.ctx.repos.runs.insert(run)
      this.ctx.repos.audit.append({
        at: now,
        actor: this.ctx.user,
        action: 'run.started',
        entityType: 'run',
        entityId: run.id,
        details: {
          name,
          calls: run.counts.total,
          snapshotId: snapshot.id,
          ...(run.canary ? { canarySampleSize: run.canary.sampleSize } : {}),
        },
      })
    })
    this.launch(run)
    return run
  }

  async pause(id: string): Promise<Run> {
    return this.stop(id, 'pause')
  }

  async cancel(id: string): Promise<Run> {
    const run = this.require(id)
    // Jobs still out at a provider are cancelled there (and what it answered is collected) by a session.
    if (!this.sessions.has(id) && run.status !== 'cancelled' && this.hasJobsOut(run)) {
      this.resume(id)
      return this.stop(id, 'cancel')
    }
    if (!this.sessions.has(id) && resumable.has(run.status) && run.status !== 'cancelled') {
      this.ctx.repos.runs.setStatus(id, 'cancelled', { finishedAt: this.ctx.now() })
      return this.require(id)
    }
    return this.stop(id, 'cancel')
  }

  /** Calls only what is missing: results kept from before are never requested again. */
  resume(id: string): Run {
    const run = this.require(id)
    if (this.sessions.has(id)) throw new AppError('CONFLICT', 'The run is still running')
    if (!resumable.has(run.status)) {
      throw new AppError('INVALID_INPUT', `A ${run.status} run cannot be resumed`)
    }
    // Settings may have changed since the run started (a provider deleted, a key removed): say so now
    // rather than mark the run failed from the background.
    planSettings(this.ctx, run.plan.models, run.plan.concurrency, this.options)
    writeTransaction(this.ctx, () => {
      this.continueStoppedCanary(run)
      this.ctx.repos.runs.setStatus(id, 'running', {})
    })
    const running = this.require(id)
    this.launch(running)
    return running
  }

  /** Stops every run and writes what is queued; the runs stay resumable (interrupted). */
  close(): void {
    this.closed = true
    for (const [id, session] of this.sessions) {
      session.closeNow()
      this.ctx.repos.runs.setStatus(id, 'interrupted', {})
    }
    this.sessions.clear()
  }

  get(id: string): Run {
    return this.require(id)
  }

  private async stop(id: string, reason: 'pause' | 'cancel'): Promise<Run> {
    const run = this.require(id)
    const session = this.sessions.get(id)
    if (!session) throw new AppError('INVALID_INPUT', `The run is ${run.status}, not running`)
    session.stop(reason)
    await session.done
    return this.require(id)
  }

  private launch(run: Run): void {
    const session = new RunSession(this.ctx, this.bus, this.options, run)
    this.sessions.set(run.id, session)
    void session.done.finally(() => {
      if (!this.closed && this.sessions.get(run.id) === session) this.sessions.delete(run.id)
    })
  }

  /** Resuming a run its canary stopped is the user's decision to run the rest anyway: record it as such. */
  private continueStoppedCanary(run: Run): void {
    if (run.canary?.phase !== 'stopped') return
    this.ctx.repos.runs.setCanary(run.id, {
      ...run.canary,
      phase: 'continued',
      reason: `Resumed by ${this.ctx.user} although the sample failed: ${run.canary.reason}`,
    })
    this.ctx.repos.audit.append({
      at: this.ctx.now(),
      actor: this.ctx.user,
      action: 'run.canary_overridden',
      entityType: 'run',
      entityId: run.id,
      details: { canaryReason: run.canary.reason },
    })
  }

  private hasJobsOut(run: Run): boolean {
    return (
      run.plan.mode === 'batch' && resumable.has(run.status) && this.ctx.repos.batchJobs.wait(run.id) !== null
    )
  }

  private require(id: string): Run {
    const run = this.ctx.repos.runs.get(id)
    if (!run) throw new AppError('NOT_FOUND', `No run with id ${id}`)
    return run
  }
}

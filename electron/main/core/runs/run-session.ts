import { setMaxListeners } from 'node:events'
import type { Run, RunCounts, RunFailure, RunStatus } from '../../../../shared/domain/runs'
import type { TableName } from '../../../../shared/contract/tables'
import type { CanaryState } from '../../../../shared/domain/scoring'
import { writeTransaction, type CoreContext } from '../context'
import type { EventBus } from '../events'
import { checkCanarySample } from '../scoring/gates/canary-check'
import { parseCached, type CachedResponse } from './cache'
import { canarySample } from './canary'
import { loadVersions, providerSettings } from './plan'
import { ProgressThrottle, RateMeter } from './progress'
import type { ProviderCalls } from '../llm/provider-calls'
import { ResultWriter } from './result-writer'
import { runWorkItem, type ItemOutcome } from './run-item'
import { runItemStepStore, type StepStore } from './tool-loop-run'
import { runnerDefaults, type RunnerOptions } from './run-options'
import type { WorkItem } from './work-items'
import { drainPool, poolSize } from './call-pool'
import { pendingWork, type PendingWork } from './pending-work'
import { readSnapshotCases } from '../snapshot-cases'
import { TimeSlicer } from '../time-slice'
import { KeyRefusedError } from './key-refused'
import type { BatchApi } from '../llm/batch/types'
import { batchApiOf } from './batch/batch-api'
import type { BatchHost } from './batch/batch-host'
import { BatchLane } from './batch/batch-lane'

export { KeyRefusedError } from './key-refused'

export type StopReason = 'pause' | 'cancel' | 'close' | 'fail'

const resultTables: TableName[] = ['run_results', 'runs', 'run_batch_jobs']

/**
 * One execution of a run: from its missing results to the end, a pause, a cancel or the core closing.
 * Two signals on purpose: a pause stops sending new calls but lets in-flight ones finish; a cancel or
 * close also aborts the calls already sent.
 */
export class RunSession {
  readonly done: Promise<void>
  private readonly stopTaking = new AbortController()
  private readonly abortCalls = new AbortController()
  private stopReason: StopReason | null = null
  /** Why the run failed, recorded in the audit log: a write error or an unexpected exception. */
  private failure: unknown = null
  private readonly writer: ResultWriter<ItemOutcome>
  /** Once the core is closing the database is not touched again: a step that ends then is called on resume. */
  private readonly stepStore: StepStore
  private readonly progress: ProgressThrottle
  private readonly meter = new RateMeter()
  private readonly freshCache = new Map<string, CachedResponse>()
  private readonly slicer = new TimeSlicer()
  private counts: RunCounts
  private status: RunStatus = 'running'

  constructor(
    private readonly ctx: CoreContext,
    private readonly bus: EventBus,
    private readonly options: RunnerOptions,
    private readonly run: Run,
  ) {
    // Every queued and in-flight call listens on these two signals: hundreds of listeners are expected, not a leak.
    setMaxListeners(0, this.stopTaking.signal, this.abortCalls.signal)
    this.counts = { ...run.counts, ...ctx.repos.runResults.totals(run.id) }
    this.stepStore = runItemStepStore(ctx, () => this.stopReason === 'close')
    this.writer = new ResultWriter<ItemOutcome>({
      maxRows: options.flushRows ?? runnerDefaults.flushRows,
      maxDelayMs: options.flushMs ?? runnerDefaults.flushMs,
      write: (rows) => this.write(rows),
      onFlushed: (written) => this.afterFlush(written),
      onError: (error) => this.fail(error),
    })
    const minIntervalMs = options.progressIntervalMs ?? runnerDefaults.progressIntervalMs
    this.progress = new ProgressThrottle((p) => this.bus.emit('runs.progress', p), { minIntervalMs })
    this.done = this.execute()
  }

  stop(reason: StopReason): void {
    this.stopReason ??= reason
    this.stopTaking.abort()
    if (reason !== 'pause') this.abortCalls.abort()
  }

  /** The core is closing: stop, write what is queued now (synchronously), and never touch the db again. */
  closeNow(): void {
    this.stop('close')
    this.writer.close()
    this.progress.stop()
  }

  /**
   * Results that cannot be stored must not be called for: stop sending, abort what is in flight and end
   * 'failed', which stays resumable (what was written is kept, the rest is called again on resume).
   */
  private fail(error: unknown): void {
    this.failure ??= error
    this.stop('fail')
  }

  private async execute(): Promise<void> {
    let stoppedByCanary = false
    try {
      if (this.run.canary?.phase === 'sampling') stoppedByCanary = await this.runCanarySample(this.run.canary)
      // A cancel of a batch-mode run still goes through its lanes: they cancel the jobs out at the provider.
      if (!stoppedByCanary && (!this.stopReason || this.cancelsBatches()))
        await this.callAll(await this.pendingItems())
    } catch (error) {
      this.fail(error)
    }
    if (this.stopReason === 'close') return
    this.writer.flush()
    if (this.stopReason === 'fail') return this.finishFailed()
    const stopped = this.stopReason === 'pause' ? 'paused' : 'cancelled'
    this.finish(this.stopReason ? stopped : stoppedByCanary ? 'cancelled' : 'completed')
  }

  /**
   * Calls the canary's sample first, scores it with the cheap deterministic scorers and checks the gate
   * rules on it. Returns true when the sample already fails clearly and the run stops there. A pause or
   * cancel on the way leaves the phase at 'sampling', so a resume finishes the sample and decides then.
   */
  private async runCanarySample(canary: CanaryState): Promise<boolean> {
    const sample = canarySample(await readSnapshotCases(this.ctx.repos, this.run.datasetSnapshotId), {
      share: canary.share,
      seed: this.run.plan.canary?.seed ?? 1,
    })
    if (this.stopReason) return false
    await this.callAll(await this.pendingItems((caseId) => sample.has(caseId)))
    if (this.stopReason) return false
    this.writer.flush()
    if (this.stopReason) return false
    const check = await checkCanarySample(this.ctx, this.run, sample)
    if (this.stopReason) return false
    const phase = check.verdict === 'fail' ? 'stopped' : 'continued'
    writeTransaction(this.ctx, () => {
      this.ctx.repos.runs.setCanary(this.run.id, {
        ...canary,
        phase,
        verdict: check.verdict,
        reason: check.reason,
      })
      if (phase === 'stopped') this.recordCanaryStop(check.reason)
    })
    this.bus.emit('db.changed', { tables: ['runs', 'run_scores'], runIds: [this.run.id] })
    return phase === 'stopped'
  }

  private recordCanaryStop(reason: string): void {
    this.ctx.repos.audit.append({
      at: this.ctx.now(),
      actor: this.ctx.user,
      action: 'run.canary_stopped',
      entityType: 'run',
      entityId: this.run.id,
      details: { reason, done: this.counts.done, total: this.counts.total },
    })
  }

  private finishFailed(): void {
    const message = this.failure instanceof Error ? this.failure.message : String(this.failure)
    try {
      this.ctx.repos.audit.append({
        at: this.ctx.now(),
        actor: this.ctx.user,
        action: 'run.failed',
        entityType: 'run',
        entityId: this.run.id,
        details: { message },
      })
    } catch {
      // The database may be what failed; the status below is still worth trying.
    }
    const kind = this.failure instanceof KeyRefusedError ? 'key-refused' : 'error'
    this.finish('failed', { kind, message })
  }

  /** What is still missing, of the cases `include` keeps (all by default). */
  private pendingItems(include?: (caseId: string) => boolean): Promise<PendingWork> {
    const versions = loadVersions(this.ctx, this.run.plan.promptVersionIds)
    return pendingWork(this.ctx.repos, this.run, versions, include)
  }

  /**
   * Each provider takes its items in the run's order, a few times its concurrency started at once: each
   * waits for its provider's slot before it renders, so nothing is prepared ahead of time and a retry
   * waiting for its retry-after lets the next item use the slot. Providers run side by side.
   */
  private cancelsBatches(): boolean {
    return this.stopReason === 'cancel' && this.run.plan.mode === 'batch'
  }

  private async callAll(work: PendingWork): Promise<void> {
    if (this.stopReason && !this.cancelsBatches()) return
    const { models, concurrency } = this.run.plan
    const lanes: Promise<void>[] = []
    // Each provider's lane is the core's one lane for it, shared with other runs and judges; the plan's
    // concurrency only caps this run's share of it.
    for (const [name, s] of providerSettings(this.ctx, models, this.options)) {
      const cap = concurrency?.[name]
      const calls = this.ctx.llm.provider(name, s, cap !== undefined ? { cap } : {})
      const size = poolSize(Math.min(cap ?? s.concurrency, s.concurrency))
      const stream = (items: Iterator<WorkItem, void, undefined>): Promise<void> =>
        drainPool(items, size, (item) => this.callGuarded(item, calls), this.stopped, this.slicer)
      const batchApi = this.run.plan.mode === 'batch' ? batchApiOf(this.options, name, s) : null
      lanes.push(batchApi ? this.batchLane(batchApi, work.itemsOf(name), stream) : stream(work.itemsOf(name)))
    }
    this.publish()
    await Promise.all(lanes)
  }

  private readonly stopped = (): boolean => this.stopTaking.signal.aborted

  /** A provider with a Batch API in a batch-mode run: its items go as batch jobs (see batch/batch-lane.ts). */
  private batchLane(
    api: BatchApi,
    items: Iterator<WorkItem, void, undefined>,
    stream: (items: Iterator<WorkItem, void, undefined>) => Promise<void>,
  ): Promise<void> {
    const host: BatchHost = {
      ctx: this.ctx,
      run: this.run,
      options: this.options,
      cacheLookup: (hash) => this.cacheLookup(hash),
      add: (outcome) => this.writer.add(outcome),
      writeNow: (rows, also) => this.writeNow(rows, also),
      stream: (list) => stream(list.values()),
      stopReason: () => this.stopReason,
      stopSignal: this.stopTaking.signal,
      publish: () => {
        if (this.stopReason === 'close') return
        this.bus.emit('db.changed', { tables: ['run_batch_jobs'], runIds: [this.run.id] })
        this.publish()
      },
    }
    return new BatchLane(host, api).run(items).catch((error: unknown) => {
      if (this.stopReason !== 'close') this.fail(error)
    })
  }

  private async callGuarded(item: WorkItem, calls: ProviderCalls): Promise<void> {
    try {
      await this.callOne(item, calls)
    } catch (error) {
      // An item stopped by pause or cancel simply stays missing; anything else fails the run.
      if (!this.stopTaking.signal.aborted) this.fail(error)
    }
  }

  private async callOne(item: WorkItem, calls: ProviderCalls): Promise<void> {
    const outcome = await runWorkItem(item, {
      runId: this.run.id,
      provider: calls.provider,
      slots: calls.slots,
      limits: calls.limits,
      priceTable: this.run.priceTable,
      useCache: this.run.plan.useCache,
      policy: this.options.retryPolicy ?? {},
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
      stopTaking: this.stopTaking.signal,
      signal: this.abortCalls.signal,
      nowIso: this.ctx.now,
      cacheLookup: (hash) => this.cacheLookup(hash),
      steps: this.stepStore,
    })
    if (!outcome) return
    // A refused key fails every later call too: stop here, resumable, instead of storing one error per case
    // (which a gate would read as a regression). The refused item stays missing and is called on resume.
    if (outcome.result.errorKind === 'auth')
      throw new KeyRefusedError(item.model.provider, outcome.result.errorMessage)
    for (const entry of outcome.cacheEntries ?? []) this.freshCache.set(entry.hash, entry.response)
    this.writer.add(outcome)
  }

  /** Answers of this run not written yet count too, so repeats of one request hit the cache consistently. */
  private cacheLookup(hash: string): CachedResponse | null {
    return this.freshCache.get(hash) ?? parseCached(this.ctx.repos.runResults.cacheGet(hash))
  }

  /** One short transaction per batch; ON CONFLICT DO NOTHING keeps a result written before a crash as it was. */
  private write(rows: readonly ItemOutcome[]): number {
    const before = { ...this.counts }
    try {
      return this.writeBatch(rows)
    } catch (error) {
      this.counts = before // the transaction rolled back, so must the totals
      throw error
    }
  }

  /** A batch job's results, written now with the job's state (`also`) in the same transaction. */
  private writeNow(rows: readonly ItemOutcome[], also: () => void): void {
    const before = { ...this.counts }
    let written: number
    try {
      written = this.writeBatch(rows, also)
    } catch (error) {
      this.counts = before
      throw error
    }
    this.afterFlush(written)
  }

  private writeBatch(rows: readonly ItemOutcome[], also?: () => void): number {
    const { repos } = this.ctx
    return writeTransaction(this.ctx, () => {
      also?.()
      let written = 0
      for (const { result, cacheEntries } of rows) {
        for (const { hash, response } of cacheEntries ?? [])
          repos.runResults.cachePut(hash, JSON.stringify(response), result.createdAt)
        // A loop's steps live on in its row: the rows that kept them while it ran go in the same transaction.
        if (result.steps !== null) repos.runItemSteps.remove(result)
        if (!repos.runResults.insert(result)) continue
        written++
        this.counts.done++
        if (result.errorKind !== null) this.counts.errors++
        if (result.cached) this.counts.cached++
        this.counts.spentUsd += result.costUsd ?? 0
      }
      repos.runs.setCounts(this.run.id, this.counts)
      return written
    })
  }

  private afterFlush(written: number): void {
    this.meter.tick(written)
    this.bus.emit('db.changed', { tables: resultTables, runIds: [this.run.id] })
    this.publish()
  }

  private finish(status: RunStatus, failure?: RunFailure): void {
    this.status = status
    const at = this.ctx.now()
    const final = status === 'completed' || status === 'cancelled' || status === 'failed'
    this.ctx.repos.runs.setStatus(this.run.id, status, {
      ...(final ? { finishedAt: at } : {}),
      ...(failure !== undefined ? { failure } : {}),
    })
    this.bus.emit('db.changed', { tables: ['runs'], runIds: [this.run.id] })
    this.publish()
  }

  private publish(): void {
    const { total, done, errors, spentUsd } = this.counts
    const waiting = this.run.plan.mode === 'batch' && this.status === 'running'
    const batch = waiting ? this.ctx.repos.batchJobs.wait(this.run.id) : null
    this.progress.update({
      runId: this.run.id,
      status: this.status,
      done,
      total,
      errors,
      callsPerSecond: this.meter.perSecond(),
      spentUsd,
      etaSeconds: this.status === 'running' && !batch ? this.meter.etaSeconds(total - done) : null,
      batch,
    })
  }
}

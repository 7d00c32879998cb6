import { resultKey } from '../../../../../shared/lib/model-identity'
import type { BatchItem } from '../../db/repos/batch-items'
import type { StoredBatchJob } from '../../db/repos/batch-jobs'
import type {
  BatchApi,
  BatchItemOutcome,
  BatchRequest,
  BatchStatus,
  SubmittedBatch,
} from '../../llm/batch/types'
import { findPrice } from '../../llm/cost'
import { ProviderError } from '../../llm/providers/types'
import { abortableSleep, isRetryable } from '../../llm/retry-policy'
import { KeyRefusedError } from '../key-refused'
import { baseOf } from '../run-item'
import type { WorkItem } from '../work-items'
import { planCollection, planFailedJob, type CollectInput, type CollectPlan } from './batch-collect'
import { batchPollDefaults, type BatchHost } from './batch-host'
import { applyCollection, type JobEntry } from './job-store'

/** What the poller needs of its lane: items to render, and who waits on a request's answer. */
export interface LaneItems {
  itemOf(key: string): WorkItem | undefined
  requestsOf(entries: readonly JobEntry[]): (BatchRequest | null)[]
  onAnswered(hash: string): void
  onUnanswered(hash: string): void
}

/** Rounds of polling a cancel waits for the provider to confirm before the run ends anyway (resume collects). */
const cancelRounds = 5

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error
  return new ProviderError('network', error instanceof Error ? error.message : String(error))
}

/** Sends, polls and collects one provider's unfinished jobs of a run, as SQLite has them. */
export class JobPoller {
  /** Jobs this process stored and has not tried to send yet: no need to ask the provider whether it has them. */
  private readonly createdHere = new Set<string>()

  constructor(
    private readonly host: BatchHost,
    private readonly api: BatchApi,
    private readonly items: LaneItems,
  ) {}

  created(jobId: string): void {
    this.createdHere.add(jobId)
  }

  /** Until no job of the provider is unfinished, or the run stops (a cancel cancels the jobs first). */
  async loop(): Promise<void> {
    let delay = this.host.options.batchPollMs ?? this.api.firstPollMs ?? batchPollDefaults.firstMs
    const maxDelay = this.host.options.batchPollMaxMs ?? Math.max(delay, batchPollDefaults.maxMs)
    for (;;) {
      if (this.host.stopReason()) return this.host.stopReason() === 'cancel' ? this.cancelAll() : undefined
      const jobs = this.unfinished()
      if (jobs.length === 0) return
      for (const job of jobs) {
        if (this.host.stopReason()) break
        await this.advance(job)
      }
      this.host.publish()
      // A job just stored (items queued again) goes out now rather than after a wait.
      if (this.unfinished().some((j) => this.createdHere.has(j.id))) continue
      await abortableSleep(delay, this.host.stopSignal).catch(() => undefined)
      delay = Math.min(delay * 2, maxDelay)
    }
  }

  private unfinished(): StoredBatchJob[] {
    return this.host.ctx.repos.batchJobs.unfinished(this.host.run.id, this.api.provider)
  }

  private async advance(job: StoredBatchJob): Promise<void> {
    if (job.state === 'preparing') return this.submit(job)
    if (job.state === 'ended') return this.collect(job, undefined)
    return this.poll(job, this.host.stopSignal)
  }

  /**
   * Sends a stored job. One this process did not just store may have reached the provider before a crash
   * cut the remote id off: the provider is asked first, so it is never sent twice.
   */
  private async submit(job: StoredBatchJob): Promise<void> {
    let sent: SubmittedBatch | null
    try {
      sent = this.createdHere.has(job.id)
        ? null
        : await this.api.findSubmitted(job.id, new Date(job.createdAt))
      if (!sent) {
        const requests = this.requestsOf(job)
        if (!requests) return
        // From here on the job may be at the provider: a retry must ask for it first.
        this.createdHere.delete(job.id)
        sent = await this.api.submit(job.id, requests)
      }
    } catch (error) {
      return this.submitFailed(job, asProviderError(error))
    } finally {
      this.createdHere.delete(job.id)
    }
    if (this.host.stopReason() === 'close') return
    this.host.ctx.repos.batchJobs.setSubmitted(
      job.id,
      sent.remoteId,
      sent.inputFileId,
      sent.submittedAt.toISOString(),
    )
  }

  /** The job's requests in custom-id order; null (and the job settled) when none is missing any more. */
  private requestsOf(job: StoredBatchJob): BatchRequest[] | null {
    const stored = this.host.ctx.repos.batchItems.ofJob(job.id)
    const requests = this.items.requestsOf(stored).filter((r): r is BatchRequest => r !== null)
    if (requests.length > 0) return requests
    this.write(job, planCollection(this.input(job), new Map()), 'collected')
    return null
  }

  private submitFailed(job: StoredBatchJob, error: ProviderError): void {
    if (error.kind === 'auth') throw new KeyRefusedError(this.api.provider, error.message)
    if (this.host.stopReason() === 'close') return
    // A transient fault: the job stays 'preparing' and is sent (or found) on the next round.
    if (isRetryable(error.kind) || error.kind === 'cancelled') return
    this.host.ctx.repos.batchJobs.setState(job.id, 'failed', error.message)
    const failed = this.host.ctx.repos.batchJobs.get(job.id) ?? job
    this.write(failed, planFailedJob(this.input(failed)), 'failed')
  }

  private async poll(job: StoredBatchJob, signal: AbortSignal | undefined): Promise<void> {
    if (job.remoteId === null) return
    let status: BatchStatus
    try {
      status = await this.api.poll(job.remoteId, signal)
    } catch (error) {
      const e = asProviderError(error)
      if (e.kind === 'auth') throw new KeyRefusedError(this.api.provider, e.message)
      return // the next round asks again
    }
    if (this.host.stopReason() === 'close') return
    const state = status.phase === 'pending' ? job.state : status.phase
    this.host.ctx.repos.batchJobs.setPolled(job.id, {
      state,
      remoteStatus: status.remoteStatus,
      succeeded: status.counts.succeeded,
      failed: status.counts.failed,
      expired: status.counts.expired,
      endedAt: status.endedAt?.toISOString() ?? null,
      lastPolledAt: this.host.ctx.now(),
      message: status.message,
    })
    const polled = this.host.ctx.repos.batchJobs.get(job.id) ?? job
    if (state === 'ended') await this.collect(polled, undefined)
    if (state === 'failed') this.write(polled, planFailedJob(this.input(polled)), 'failed')
  }

  /** Reads an ended job's items once and writes them with the job's new state in one transaction. */
  private async collect(job: StoredBatchJob, signal: AbortSignal | undefined): Promise<void> {
    if (job.remoteId === null) return
    const outcomes = new Map<string, BatchItemOutcome>()
    // The adapters read some answers in the light of the request (a JSON schema sent as a forced tool).
    const requests = this.items
      .requestsOf(this.host.ctx.repos.batchItems.ofJob(job.id))
      .filter((r): r is BatchRequest => r !== null)
    try {
      for await (const outcome of this.api.results(job.remoteId, signal, requests))
        outcomes.set(outcome.customId, outcome)
    } catch (error) {
      const e = asProviderError(error)
      if (e.kind === 'auth') throw new KeyRefusedError(this.api.provider, e.message)
      return // still 'ended': collected on the next round
    }
    if (this.host.stopReason() === 'close') return
    const cancelling = this.host.stopReason() === 'cancel'
    this.write(job, planCollection(this.input(job), outcomes), cancelling ? 'cancelled' : 'collected')
    // The provider's copies of the prompts and answers are not kept once ours are stored.
    const { remoteId, inputFileId } = job
    await this.api.release?.({ remoteId, inputFileId }).catch(() => undefined)
  }

  private input(job: StoredBatchJob): CollectInput {
    const { run, ctx } = this.host
    return {
      job,
      items: ctx.repos.batchItems.ofJob(job.id),
      baseOf: (item: BatchItem) => {
        const work = this.items.itemOf(resultKey(item))
        return work ? baseOf(work, { runId: run.id, nowIso: ctx.now }) : null
      },
      priceOf: (item: BatchItem) =>
        findPrice(run.priceTable, { provider: item.provider, model: item.modelId }),
      cancelling: this.host.stopReason() === 'cancel',
    }
  }

  private write(
    job: StoredBatchJob,
    plan: CollectPlan,
    finalState: 'collected' | 'cancelled' | 'failed',
  ): void {
    if (this.host.stopReason() === 'close') return
    let next: string | null = null
    this.host.writeNow(plan.results, () => {
      next = applyCollection(this.host.ctx, job, plan, finalState)
    })
    if (next !== null) this.createdHere.add(next)
    for (const hash of plan.answered) this.items.onAnswered(hash)
    for (const hash of plan.unanswered) this.items.onUnanswered(hash)
  }

  /**
   * Cancel: every unfinished job is cancelled at the provider, then what it already answered (and charged
   * for) is collected; the rest stays missing, so a resume sends it in new jobs. A job the provider has not
   * confirmed cancelled after a few rounds stays 'cancelling' and is collected on resume.
   */
  private async cancelAll(): Promise<void> {
    for (const job of this.unfinished()) await this.cancelJob(job)
    const delay = this.host.options.batchPollMs ?? this.api.firstPollMs ?? batchPollDefaults.firstMs
    for (let round = 0; round < cancelRounds; round++) {
      const waiting = this.unfinished()
      if (waiting.length === 0) return
      for (const job of waiting) {
        if (job.state === 'ended') await this.collect(job, undefined)
        else await this.poll(job, undefined)
      }
      this.host.publish()
      if (this.unfinished().length > 0) await abortableSleep(delay)
    }
  }

  private async cancelJob(job: StoredBatchJob): Promise<void> {
    let remoteId = job.remoteId
    if (remoteId === null && !this.createdHere.has(job.id)) {
      const found = await this.api.findSubmitted(job.id, new Date(job.createdAt)).catch(() => null)
      remoteId = found?.remoteId ?? null
      if (found)
        this.host.ctx.repos.batchJobs.setSubmitted(
          job.id,
          found.remoteId,
          found.inputFileId,
          found.submittedAt.toISOString(),
        )
    }
    if (remoteId === null) {
      // Never sent: nothing was charged, its items stay missing.
      return this.write(job, cancelledPlan(this.host.ctx.repos.batchItems.ofJob(job.id)), 'cancelled')
    }
    if (job.state === 'ended') return
    await this.api.cancel(remoteId).catch(() => undefined)
    this.host.ctx.repos.batchJobs.setState(job.id, 'cancelling')
  }
}

function cancelledPlan(items: readonly BatchItem[]): CollectPlan {
  return {
    results: [],
    states: items
      .filter((i) => i.state === 'pending')
      .map((i) => ({ customId: i.customId, state: 'cancelled' as const })),
    requeue: [],
    answered: new Set(),
    unanswered: new Set(items.flatMap((i) => (i.requestHash ? [i.requestHash] : []))),
  }
}

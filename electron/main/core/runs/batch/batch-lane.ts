import { resultKey } from '../../../../../shared/lib/model-identity'
import type { BatchApi, BatchRequest } from '../../llm/batch/types'
import { TimeSlicer } from '../../time-slice'
import { isCacheable, requestHash } from '../cache'
import { fromCache } from '../item-result'
import { baseOf } from '../run-item'
import { toolLoopPlanOf } from '../tool-loop'
import { itemCaseKey, workItemKey, type WorkItem } from '../work-items'
import type { BatchHost } from './batch-host'
import { JobPoller } from './job-poller'
import { customIdOf, storeJob, type JobEntry } from './job-store'

/** A request ready for a job: its item, its cache hash (when cacheable) and what the batch line carries. */
interface Prepared {
  entry: JobEntry
  request: BatchRequest['request']
}

/**
 * One provider of a batch-mode run: its missing items go out as batch jobs (cache hits answered at once, tool
 * loops streamed), then the jobs are polled and collected until every item is a result. Everything the lane
 * decides is in SQLite first, so a restarted process picks up where this one stopped.
 */
export class BatchLane {
  /** Every item of the provider without a result: what a job's items are rendered and written from. */
  private readonly items = new Map<string, WorkItem>()
  /** Repeats of a cacheable request already sent: answered from the cache when its answer arrives. */
  private readonly waiting = new Map<string, WorkItem[]>()
  private readonly sentHashes = new Set<string>()
  private readonly slicer = new TimeSlicer()
  private readonly poller: JobPoller

  constructor(
    private readonly host: BatchHost,
    private readonly api: BatchApi,
  ) {
    this.poller = new JobPoller(host, api, {
      itemOf: (key) => this.items.get(key),
      requestsOf: (entries) => entries.map((e) => this.batchRequest(e)),
      onAnswered: (hash) => this.answerWaiters(hash),
      onUnanswered: (hash) => this.sendWaiters(hash),
    })
  }

  async run(pending: Iterator<WorkItem, void, undefined>): Promise<void> {
    const inJobs = this.jobKeys()
    const streamed: WorkItem[] = []
    const fresh: Prepared[] = []
    for (let next = pending.next(); !next.done; next = pending.next()) {
      if (this.slicer.due) await this.slicer.pause()
      const item = next.value
      const key = workItemKey(item)
      this.items.set(key, item)
      if (inJobs.has(key)) continue
      if (toolLoopPlanOf(item)) streamed.push(item)
      else this.take(item, fresh)
    }
    if (!this.host.stopReason()) this.sendNew(fresh)
    const streaming = this.host.stream(streamed)
    await this.pollUntilDone()
    await streaming
  }

  /** Polls until every job ended; repeats still waiting then (their request was lost) are sent themselves. */
  private async pollUntilDone(): Promise<void> {
    for (;;) {
      await this.poller.loop()
      if (this.host.stopReason() || this.waiting.size === 0) return
      for (const hash of [...this.waiting.keys()]) this.sendWaiters(hash)
    }
  }

  /** The items already in unfinished jobs (sent, or stored and about to be): never put in a second job. */
  private jobKeys(): Set<string> {
    const keys = new Set<string>()
    for (const item of this.host.ctx.repos.batchItems.pendingOfRun(this.host.run.id, this.api.provider)) {
      keys.add(resultKey(item))
      if (item.requestHash) this.sentHashes.add(item.requestHash)
    }
    return keys
  }

  /** A cache hit is answered now; a repeat of a request already sent waits for its answer; the rest is sent. */
  private take(item: WorkItem, fresh: Prepared[]): void {
    const prepared = this.render(item)
    const hash = prepared.entry.requestHash
    if (hash !== null) {
      const hit = this.host.cacheLookup(hash)
      if (hit) return this.host.add({ result: fromCache(this.baseOf(item), hit) })
      if (this.sentHashes.has(hash))
        return void this.waiting.set(hash, [...(this.waiting.get(hash) ?? []), item])
      this.sentHashes.add(hash)
    }
    fresh.push(prepared)
  }

  private baseOf(item: WorkItem) {
    return baseOf(item, { runId: this.host.run.id, nowIso: this.host.ctx.now })
  }

  private render(item: WorkItem): Prepared {
    const { messages, params } = this.baseOf(item).request
    const cacheable = isCacheable(params, this.host.run.plan.useCache)
    const entry: JobEntry = {
      caseId: item.case.id,
      promptVersionId: item.version.id,
      provider: item.model.provider,
      modelId: item.model.model,
      repeat: item.repeat,
      requestHash: cacheable ? requestHash(item.model, messages, params) : null,
      attempt: 1,
    }
    const request = { messages, model: item.model, params, caseKey: itemCaseKey(this.host.run.id, item) }
    return { entry, request }
  }

  /** A stored item's request, rendered again from its case and version (nothing of it is kept in memory). */
  private batchRequest(entry: JobEntry): BatchRequest | null {
    const item = this.items.get(resultKey(entry))
    return item ? { customId: customIdOf(entry), request: this.render(item).request } : null
  }

  /**
   * Splits the new requests into jobs: one model per job (OpenAI's Batch API takes requests to a single model
   * per input file), each within the API's limits (requests and bytes), each stored before it is sent.
   */
  private sendNew(fresh: readonly Prepared[]): void {
    const byModel = new Map<string, Prepared[]>()
    for (const p of fresh) {
      const model = p.entry.modelId
      byModel.set(model, [...(byModel.get(model) ?? []), p])
    }
    for (const group of byModel.values()) this.sendChunks(group)
  }

  private sendChunks(fresh: readonly Prepared[]): void {
    const { maxRequests, maxBytes } = this.api.limits
    let chunk: Prepared[] = []
    let bytes = 0
    const flush = (): void => {
      if (chunk.length === 0) return
      const id = storeJob(
        this.host.ctx,
        this.host.run.id,
        this.api.provider,
        chunk.map((p) => p.entry),
      )
      this.poller.created(id)
      chunk = []
      bytes = 0
    }
    for (const prepared of fresh) {
      const size = this.api.requestBytes({ customId: customIdOf(prepared.entry), request: prepared.request })
      if (chunk.length >= maxRequests || (chunk.length > 0 && bytes + size > maxBytes)) flush()
      chunk.push(prepared)
      bytes += size
    }
    flush()
  }

  private answerWaiters(hash: string): void {
    const repeats = this.waiting.get(hash)
    if (!repeats) return
    const hit = this.host.cacheLookup(hash)
    if (!hit) return this.sendWaiters(hash)
    this.waiting.delete(hash)
    for (const item of repeats) this.host.add({ result: fromCache(this.baseOf(item), hit) })
  }

  /** The request they repeat ended without an answer: each repeat is sent in a job of its own making. */
  private sendWaiters(hash: string): void {
    const repeats = this.waiting.get(hash) ?? []
    this.waiting.delete(hash)
    this.sentHashes.delete(hash)
    const fresh: Prepared[] = []
    for (const item of repeats) this.take(item, fresh)
    if (fresh.length > 0 && !this.host.stopReason()) this.sendNew(fresh)
  }
}

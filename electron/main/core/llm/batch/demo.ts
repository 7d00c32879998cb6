import { createDemoProvider } from '../providers/demo'
import { ProviderError } from '../providers/types'
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus } from './types'

export interface DemoBatchOptions {
  provider: string
  now?: () => Date
  /** Multiplies the simulated job time (a few seconds); tests pass 0, and a job has then ended at once. */
  latencyScale?: number
}

/** How long a simulated job takes at latency scale 1: long enough to see the waiting line, short enough to wait. */
export const DEMO_BATCH_MS = 4000
const ID = /^demo-batch_([0-9a-z]+)_([0-9]+)$/

/**
 * Cancels seen by this process: the only state the demo keeps. After a restart a cancelled demo job runs to
 * its end instead, which costs nothing (the demo is free) and loses nothing.
 */
const cancelledAt = new Map<string, number>()

function parseId(remoteId: string): { submittedAt: number; count: number } {
  const match = ID.exec(remoteId)
  if (!match) throw new ProviderError('client', `Not a demo batch id: ${remoteId}`, { status: 404 })
  return { submittedAt: parseInt(match[1] ?? '', 36), count: Number(match[2]) }
}

/**
 * The demo provider's simulated Batch API. Nothing is stored: the remote id says when the job was submitted and
 * how many requests it holds, and the answers are computed on collection by the demo model itself from the
 * requests the lane passes, so a batch answer equals the streamed answer for the same request.
 */
export function createDemoBatchApi(options: DemoBatchOptions): BatchApi {
  const now = (): number => (options.now ?? (() => new Date()))().getTime()
  const durationMs = DEMO_BATCH_MS * (options.latencyScale ?? 1)
  const reached = (remoteId: string): number => {
    const { submittedAt, count } = parseId(remoteId)
    const until = cancelledAt.get(remoteId) ?? now()
    if (durationMs <= 0) return cancelledAt.has(remoteId) ? 0 : count
    return Math.min(count, Math.floor((count * Math.max(0, until - submittedAt)) / durationMs))
  }
  return {
    provider: options.provider,
    limits: { maxRequests: 100_000, maxBytes: 256 * 1024 * 1024 },
    // A quarter of a simulated job: the waiting line moves, and the run ends about when the job does.
    firstPollMs: Math.max(100, durationMs / 4),
    requestBytes: (request) => Buffer.byteLength(JSON.stringify(request), 'utf8'),
    submit(_localId, requests) {
      if (requests.length === 0) throw new ProviderError('client', 'A batch needs at least one request.')
      const submittedAt = now()
      const remoteId = `demo-batch_${submittedAt.toString(36)}_${requests.length}`
      return Promise.resolve({ remoteId, inputFileId: null, submittedAt: new Date(submittedAt) })
    },
    // A demo submission is instant and local: there is never a job whose id went missing.
    findSubmitted: () => Promise.resolve(null),
    poll: (remoteId) => {
      const end = cancelledAt.get(remoteId) ?? parseId(remoteId).submittedAt + durationMs
      return Promise.resolve(statusOf(remoteId, reached(remoteId), end))
    },
    results: (remoteId, _signal, requests) => results(remoteId, reached(remoteId), requests),
    cancel(remoteId) {
      if (reached(remoteId) < parseId(remoteId).count) cancelledAt.set(remoteId, now())
      return Promise.resolve()
    },
  }
}

/** `endMs`: when the job ends (or was cancelled): its end is then, not when someone looked. */
function statusOf(remoteId: string, done: number, endMs: number): BatchStatus {
  const { count } = parseId(remoteId)
  const cancelled = cancelledAt.has(remoteId)
  const ended = cancelled || done >= count
  return {
    phase: ended ? 'ended' : 'pending',
    remoteStatus: cancelled ? 'cancelled' : ended ? 'completed' : 'in_progress',
    counts: { total: count, succeeded: done, failed: 0, expired: 0, cancelled: cancelled ? count - done : 0 },
    endedAt: ended ? new Date(endMs) : null,
    message: null,
  }
}

async function* results(
  remoteId: string,
  done: number,
  requests: readonly BatchRequest[] | undefined,
): AsyncGenerator<BatchItemOutcome> {
  const { count } = parseId(remoteId)
  if (done < count && !cancelledAt.has(remoteId))
    throw new ProviderError('client', `Batch ${remoteId} has not ended.`)
  if (!requests || requests.length !== count) {
    throw new ProviderError(
      'client',
      `The demo computes a batch's answers from its ${count} requests; pass them.`,
    )
  }
  const model = createDemoProvider({ latencyScale: 0 })
  for (const [index, { customId, request }] of requests.entries()) {
    if (index >= done) {
      yield {
        customId,
        ok: false,
        outcome: 'cancelled',
        errorKind: null,
        status: null,
        message: 'The batch was cancelled before this request ran.',
      }
      continue
    }
    try {
      yield { customId, ok: true, response: await model.chat(request) }
    } catch (error) {
      const e = error instanceof ProviderError ? error : new ProviderError('server', String(error))
      yield {
        customId,
        ok: false,
        outcome: 'errored',
        errorKind: e.kind,
        status: e.status ?? null,
        message: e.message,
      }
    }
  }
}

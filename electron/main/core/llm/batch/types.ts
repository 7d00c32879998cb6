import type { ChatRequest, ChatResponse, ProviderErrorKind } from '../providers/types'

/**
 * The provider-neutral face of a Batch API (OpenAI Batch, Anthropic Message Batches, the demo's simulated
 * one). The runner's batch lane (core/runs/batch/) owns what is stored, when to submit, poll, collect, retry
 * and cancel; an adapter only speaks its API. Every method may be called again after a crash or a restart
 * with what SQLite kept (ids, custom ids), so none relies on memory of an earlier call.
 */
export interface BatchApi {
  /** The settings name of the provider, e.g. 'openai' or 'acme-openai'. */
  readonly provider: string
  /** The API's limits on one batch: the lane splits a run's requests to fit both. */
  readonly limits: BatchLimits
  /**
   * Bytes one request takes in the batch's upload (its JSONL line or its params JSON), so the lane can split
   * by size before submitting. Pure: no network.
   */
  requestBytes(request: BatchRequest): number
  /**
   * Sends one batch. `localId` is the lane's id for it, stored before this call: the adapter tags the remote
   * job with it (metadata, file name) where the API allows, so `findSubmitted` can recover a job whose
   * submission was cut off before its remote id was stored.
   */
  submit(localId: string, requests: readonly BatchRequest[], signal?: AbortSignal): Promise<SubmittedBatch>
  /** A job submitted under `localId` whose remote id was never stored (a crash mid-submit), if the API can tell. */
  findSubmitted(localId: string, submittedAfter: Date): Promise<SubmittedBatch | null>
  poll(remoteId: string, signal?: AbortSignal): Promise<BatchStatus>
  /**
   * Every item of an ended job (completed, expired, cancelled), once; may be called again after a crash.
   * `requests` are the job's requests as submitted (the lane keeps them): Anthropic needs them to turn a JSON
   * Schema answer (a forced tool call) back into answer text, and the demo computes its answers from them.
   */
  results(
    remoteId: string,
    signal?: AbortSignal,
    requests?: readonly BatchRequest[],
  ): AsyncIterable<BatchItemOutcome>
  /** Asks the provider to cancel; items it already answered still come back through `results`. */
  cancel(remoteId: string): Promise<void>
  /**
   * Deletes what the job left at the provider once its results are stored (OpenAI: the uploaded input file and
   * the output and error files, which hold the prompts and answers). Absent where there is nothing to delete.
   */
  release?(batch: Pick<SubmittedBatch, 'remoteId' | 'inputFileId'>): Promise<void>
  /**
   * How often to ask at first, when the API knows better than the lane's default (the simulated jobs end in
   * seconds, not hours); the lane still backs off from there.
   */
  readonly firstPollMs?: number
}

export interface BatchLimits {
  /** OpenAI: 50,000 requests and 200 MB per file; Anthropic: 100,000 requests and 256 MB per batch. */
  maxRequests: number
  maxBytes: number
}

/** One call of a batch: the same request a streamed call sends, under an id unique within the batch. */
export interface BatchRequest {
  /** Letters, digits, '-' and '_', at most 64 characters (Anthropic's rule; OpenAI's is looser). */
  customId: string
  request: Omit<ChatRequest, 'signal' | 'limits' | 'timeoutMs'>
}

export interface SubmittedBatch {
  remoteId: string
  /** OpenAI's uploaded input file, kept to delete it once the job is collected; null for Anthropic. */
  inputFileId: string | null
  submittedAt: Date
}

/** The provider's state of a job, in the lane's terms, with its own word for it. */
export interface BatchStatus {
  phase: 'pending' | 'ended' | 'failed'
  /** The API's status as it said it: validating, in_progress, finalizing, completed, in_progress, ended… */
  remoteStatus: string
  counts: { total: number; succeeded: number; failed: number; expired: number; cancelled: number }
  endedAt: Date | null
  /** Why a job failed as a whole (validation errors), in the provider's words. */
  message: string | null
}

/**
 * One item of an ended job. `response.ttftMs` and `response.totalMs` mean nothing for a batch (the lane stores
 * them as null); `usage` is what the provider charged for, at the batch price.
 */
export type BatchItemOutcome =
  | { customId: string; ok: true; response: ChatResponse }
  | {
      customId: string
      ok: false
      /** 'expired': the job's 24 hours ran out first; 'cancelled': the job was cancelled before it ran. */
      outcome: 'errored' | 'expired' | 'cancelled'
      /** For 'errored': the error as a streamed call would have classified it, so retry rules apply alike. */
      errorKind: ProviderErrorKind | null
      status: number | null
      message: string
    }

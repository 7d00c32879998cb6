import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk'
import type { MessageBatch } from '@anthropic-ai/sdk/resources/messages/batches'
import { anthropicParams } from '../providers/anthropic'
import { ProviderError } from '../providers/types'
import { outcomeOfResult, resultLineSchema } from './anthropic-results'
import { BATCH_CALL_TIMEOUT_MS, sdkCall } from './errors'
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus, SubmittedBatch } from './types'

export interface AnthropicBatchOptions {
  provider: string
  baseUrl?: string
  apiKey?: string
}

const errorClasses = { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }
/** Reads (poll, download) are safe to repeat; creating a job is not (it would run twice). */
const READ = { maxRetries: 2 } as const

/** One item of a job: its params are exactly what a streamed call sends, without `stream`. */
export function anthropicBatchItem(item: BatchRequest): {
  custom_id: string
  params: ReturnType<typeof anthropicParams>
} {
  try {
    return { custom_id: item.customId, params: anthropicParams(item.request) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ProviderError('client', `Request ${item.customId} cannot be sent: ${message}`, { cause: error })
  }
}

/** Anthropic's Message Batches: one POST with every request, polling, a JSONL results stream. */
export function createAnthropicBatchApi(options: AnthropicBatchOptions): BatchApi {
  const client = new Anthropic({
    apiKey: options.apiKey ?? 'no-key',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0,
    timeout: BATCH_CALL_TIMEOUT_MS,
  })
  const call: Call = (fn, signal) => sdkCall(errorClasses, options.apiKey, fn, signal)
  const limits = { maxRequests: 100_000, maxBytes: 256 * 1024 * 1024 }
  return {
    provider: options.provider,
    limits,
    // Each item's JSON plus the comma between items of the request body's array.
    requestBytes: (request) => Buffer.byteLength(JSON.stringify(anthropicBatchItem(request)), 'utf8') + 1,
    submit: (_localId, requests, signal) => call(() => submit(client, limits, requests, signal), signal),
    findSubmitted,
    poll: async (remoteId, signal) =>
      statusOf(await call(() => client.messages.batches.retrieve(remoteId, {}, { signal, ...READ }), signal)),
    results: (remoteId, signal, requests) =>
      results(client, call, options.apiKey, remoteId, signal, requests),
    cancel: (remoteId) => call(() => cancel(client, remoteId)),
  }
}

/**
 * Message Batches carry no metadata, and the list shows only ids, times and counts: a job whose submission was
 * cut off before its id was stored cannot be told from another job of the same size sent around then (another
 * run, another app on the same key). Guessing could collect someone else's answers, so this says "unknown" and
 * the lane submits again; the cut-off job, if it was created, runs and is billed once more.
 */
function findSubmitted(): Promise<SubmittedBatch | null> {
  return Promise.resolve(null)
}

async function submit(
  client: Anthropic,
  limits: BatchApi['limits'],
  requests: readonly BatchRequest[],
  signal: AbortSignal | undefined,
): Promise<SubmittedBatch> {
  const items = requests.map(anthropicBatchItem)
  const bytes = Buffer.byteLength(JSON.stringify({ requests: items }), 'utf8')
  if (items.length === 0 || items.length > limits.maxRequests || bytes > limits.maxBytes) {
    throw new ProviderError(
      'client',
      `A batch holds 1 to ${limits.maxRequests} requests and at most ${limits.maxBytes} bytes; ` +
        `this one has ${items.length} requests and ${bytes} bytes.`,
    )
  }
  const batch = await client.messages.batches.create({ requests: items }, { signal })
  return { remoteId: batch.id, inputFileId: null, submittedAt: new Date(batch.created_at) }
}

export function statusOf(batch: MessageBatch): BatchStatus {
  const c = batch.request_counts
  const ended = batch.processing_status === 'ended'
  return {
    phase: ended ? 'ended' : 'pending',
    remoteStatus: batch.processing_status,
    counts: {
      total: c.processing + c.succeeded + c.errored + c.expired + c.canceled,
      succeeded: c.succeeded,
      failed: c.errored,
      expired: c.expired,
      cancelled: c.canceled,
    },
    endedAt: ended && batch.ended_at ? new Date(batch.ended_at) : null,
    message: null,
  }
}

type Call = <T>(fn: () => Promise<T>, signal?: AbortSignal) => Promise<T>

async function* results(
  client: Anthropic,
  call: Call,
  apiKey: string | undefined,
  remoteId: string,
  signal: AbortSignal | undefined,
  requests: readonly BatchRequest[] | undefined,
): AsyncGenerator<BatchItemOutcome> {
  const byId = new Map(requests?.map((r) => [r.customId, r.request]))
  const decoder = await call(() => client.messages.batches.results(remoteId, {}, { signal, ...READ }), signal)
  const items = decoder[Symbol.asyncIterator]()
  for (let number = 1; ; number++) {
    const next = await call(() => items.next(), signal)
    if (next.done) return
    const parsed = resultLineSchema.safeParse(next.value)
    if (!parsed.success) {
      throw new ProviderError(
        'server',
        `Malformed result ${number} of batch ${remoteId}: ${parsed.error.message}`,
      )
    }
    yield outcomeOfResult(parsed.data, byId.get(parsed.data.custom_id), apiKey)
  }
}

/** Cancelling a job that has already ended is not an error: its results are collected as usual. */
async function cancel(client: Anthropic, remoteId: string): Promise<void> {
  try {
    await client.messages.batches.cancel(remoteId)
  } catch (error) {
    const batch = await client.messages.batches.retrieve(remoteId, {}, READ)
    if (batch.processing_status === 'in_progress') throw error
  }
}

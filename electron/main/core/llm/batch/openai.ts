import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  toFile,
} from 'openai'
import type { Batch } from 'openai/resources/batches'
import { openAiParams } from '../providers/openai'
import { ProviderError } from '../providers/types'
import { BATCH_CALL_TIMEOUT_MS, sdkCall } from './errors'
import { jsonlLines, parseLine } from './jsonl'
import { outcomeOfLine, outputLineSchema } from './openai-lines'
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus, SubmittedBatch } from './types'

export interface OpenAiBatchOptions {
  provider: string
  baseUrl?: string
  apiKey?: string
}

const ENDPOINT = '/v1/chat/completions'
/** The metadata key that tags a remote job with the lane's id, so findSubmitted can recover it after a crash. */
export const LOCAL_ID_KEY = 'evallab_batch'
/** How far findSubmitted looks back past `submittedAfter`, for a provider clock that runs behind ours. */
const CLOCK_SLACK_MS = 60 * 60_000
/** Reads (poll, list, download) are safe to repeat; creating a job is not (it would run twice). */
const READ = { maxRetries: 2 } as const

const errorClasses = { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }
const PENDING = new Set<Batch['status']>(['validating', 'in_progress', 'finalizing', 'cancelling'])

/** One line of the upload: the body is exactly what a streamed call sends, without the streaming fields. */
export function openAiBatchLine(item: BatchRequest): string {
  try {
    const body = openAiParams(item.request, false)
    return JSON.stringify({ custom_id: item.customId, method: 'POST', url: ENDPOINT, body })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ProviderError('client', `Request ${item.customId} cannot be sent: ${message}`, { cause: error })
  }
}

/** OpenAI's Batch API: a JSONL file uploaded to /v1/files, a job on /v1/batches, output and error files. */
export function createOpenAiBatchApi(options: OpenAiBatchOptions): BatchApi {
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'no-key',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0,
    timeout: BATCH_CALL_TIMEOUT_MS,
  })
  const call: Call = (fn, signal) => sdkCall(errorClasses, options.apiKey, fn, signal)
  const limits = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 }
  return {
    provider: options.provider,
    limits,
    requestBytes: (request) => Buffer.byteLength(openAiBatchLine(request), 'utf8') + 1,
    submit: (localId, requests, signal) =>
      call(() => submit(client, limits, localId, requests, signal), signal),
    findSubmitted: (localId, after) => call(() => findSubmitted(client, localId, after)),
    poll: async (remoteId, signal) =>
      statusOf(await call(() => client.batches.retrieve(remoteId, { signal, ...READ }), signal)),
    results: (remoteId, signal, requests) =>
      results({ client, call, apiKey: options.apiKey }, remoteId, signal, requests),
    cancel: (remoteId) => call(() => cancel(client, remoteId)),
    release: (batch) => call(() => release(client, batch)),
  }
}

async function submit(
  client: OpenAI,
  limits: BatchApi['limits'],
  localId: string,
  requests: readonly BatchRequest[],
  signal: AbortSignal | undefined,
): Promise<SubmittedBatch> {
  const text = requests.map((r) => openAiBatchLine(r) + '\n').join('')
  const bytes = Buffer.from(text, 'utf8')
  if (requests.length === 0 || requests.length > limits.maxRequests || bytes.length > limits.maxBytes) {
    throw new ProviderError(
      'client',
      `A batch holds 1 to ${limits.maxRequests} requests and at most ${limits.maxBytes} bytes; ` +
        `this one has ${requests.length} requests and ${bytes.length} bytes.`,
    )
  }
  const file = await client.files.create(
    {
      purpose: 'batch',
      file: await toFile(bytes, `evallab-${localId}.jsonl`, { type: 'application/jsonl' }),
    },
    { signal },
  )
  const batch = await client.batches.create(
    {
      input_file_id: file.id,
      endpoint: ENDPOINT,
      completion_window: '24h',
      metadata: { [LOCAL_ID_KEY]: localId },
    },
    { signal },
  )
  return { remoteId: batch.id, inputFileId: file.id, submittedAt: new Date(batch.created_at * 1000) }
}

/** Jobs are listed newest first: the search stops at the first one created well before `submittedAfter`. */
async function findSubmitted(client: OpenAI, localId: string, after: Date): Promise<SubmittedBatch | null> {
  const oldest = (after.getTime() - CLOCK_SLACK_MS) / 1000
  for await (const batch of client.batches.list({ limit: 100 }, READ)) {
    if (batch.created_at < oldest) return null
    if (batch.metadata?.[LOCAL_ID_KEY] === localId) {
      return {
        remoteId: batch.id,
        inputFileId: batch.input_file_id,
        submittedAt: new Date(batch.created_at * 1000),
      }
    }
  }
  return null
}

/**
 * OpenAI counts total, completed and failed. Items of an expired or cancelled job that never ran are the rest
 * (they are in the error file as batch_expired, or in no file at all after a cancel).
 */
export function statusOf(batch: Batch): BatchStatus {
  const counts = batch.request_counts ?? { total: 0, completed: 0, failed: 0 }
  const rest = Math.max(0, counts.total - counts.completed - counts.failed)
  const ended = batch.completed_at ?? batch.expired_at ?? batch.cancelled_at ?? batch.failed_at ?? null
  const failures = (batch.errors?.data ?? []).map((e) =>
    e.line != null ? `line ${e.line}: ${e.message ?? e.code ?? ''}` : (e.message ?? e.code ?? ''),
  )
  const phase = batch.status === 'failed' ? 'failed' : PENDING.has(batch.status) ? 'pending' : 'ended'
  return {
    phase,
    remoteStatus: batch.status,
    counts: {
      total: counts.total,
      succeeded: counts.completed,
      failed: counts.failed,
      expired: batch.status === 'expired' ? rest : 0,
      cancelled: batch.status === 'cancelled' ? rest : 0,
    },
    endedAt: phase === 'pending' || ended === null ? null : new Date(ended * 1000),
    message: phase === 'failed' ? failures.join('; ') || 'The batch failed validation.' : null,
  }
}

type Call = <T>(fn: () => Promise<T>, signal?: AbortSignal) => Promise<T>
/** What reading a job's files needs: the client, its error mapping, and the key to keep out of messages. */
interface Reader {
  client: OpenAI
  call: Call
  apiKey: string | undefined
}

async function* fileOutcomes(
  { client, call, apiKey }: Reader,
  fileId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<BatchItemOutcome> {
  const response = await call(() => client.files.content(fileId, { signal, ...READ }), signal)
  const lines = jsonlLines(response.body)
  for (;;) {
    const next = await call(() => lines.next(), signal)
    if (next.done) return
    const where = `line ${next.value.number} of file ${fileId}`
    const parsed = outputLineSchema.safeParse(parseLine(next.value.line, where))
    if (!parsed.success) throw new ProviderError('server', `Malformed ${where}: ${parsed.error.message}`)
    yield outcomeOfLine(parsed.data, apiKey)
  }
}

/** Custom ids of the job's requests: from the lane when it passed them, else from the uploaded input file. */
async function* customIdsOf(
  { client, call }: Reader,
  batch: Batch,
  signal: AbortSignal | undefined,
  requests: readonly BatchRequest[] | undefined,
): AsyncGenerator<string> {
  if (requests) {
    for (const r of requests) yield r.customId
    return
  }
  const response = await call(() => client.files.content(batch.input_file_id, { signal, ...READ }), signal)
  const lines = jsonlLines(response.body)
  for (;;) {
    const next = await call(() => lines.next(), signal)
    if (next.done) return
    const line = outputLineSchema
      .pick({ custom_id: true })
      .safeParse(parseLine(next.value.line, 'input line'))
    if (line.success) yield line.data.custom_id
  }
}

async function* results(
  reader: Reader,
  remoteId: string,
  signal: AbortSignal | undefined,
  requests: readonly BatchRequest[] | undefined,
): AsyncGenerator<BatchItemOutcome> {
  const { client, call } = reader
  const batch = await call(() => client.batches.retrieve(remoteId, { signal, ...READ }), signal)
  if (PENDING.has(batch.status))
    throw new ProviderError('client', `Batch ${remoteId} has not ended (${batch.status}).`)
  const seen = new Set<string>()
  for (const fileId of [batch.output_file_id, batch.error_file_id]) {
    if (!fileId) continue
    for await (const outcome of fileOutcomes(reader, fileId, signal)) {
      if (seen.has(outcome.customId)) continue
      seen.add(outcome.customId)
      yield outcome
    }
  }
  if (batch.status !== 'cancelled' && batch.status !== 'expired') return
  // Every item comes back: those a cancel or the deadline stopped before they ran are in no file.
  const outcome = batch.status === 'cancelled' ? 'cancelled' : 'expired'
  const message = `The batch was ${batch.status} before this request ran.`
  for await (const customId of customIdsOf(reader, batch, signal, requests)) {
    if (!seen.has(customId)) yield { customId, ok: false, outcome, errorKind: null, status: null, message }
  }
}

/** Cancelling a job that has already ended is not an error: its results are collected as usual. */
async function cancel(client: OpenAI, remoteId: string): Promise<void> {
  try {
    await client.batches.cancel(remoteId)
  } catch (error) {
    const batch = await client.batches.retrieve(remoteId, READ)
    if (PENDING.has(batch.status) && batch.status !== 'cancelling') throw error
  }
}

/** The input, output and error files hold the prompts and answers: none stays at OpenAI once collected. */
async function release(
  client: OpenAI,
  { remoteId, inputFileId }: { remoteId: string; inputFileId: string | null },
) {
  const batch = await client.batches.retrieve(remoteId, READ)
  const files = new Set([inputFileId, batch.input_file_id, batch.output_file_id, batch.error_file_id])
  for (const id of files) {
    if (!id) continue
    try {
      await client.files.delete(id, READ)
    } catch (error) {
      // Already gone (deleted by an earlier release cut short, or expired): nothing left to delete.
      if (!(error instanceof APIError && error.status === 404)) throw error
    }
  }
}

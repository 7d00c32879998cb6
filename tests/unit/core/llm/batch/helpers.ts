import { expect } from 'vitest'
import type {
  BatchApi,
  BatchItemOutcome,
  BatchRequest,
  BatchStatus,
} from '../../../../../electron/main/core/llm/batch/types'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import { rejectionOf } from '../../../../fixtures/mock-llm/testing'

/** A plain question, numbered so every request (and its answer) differs. */
export function question(n: number, overrides: Partial<ChatRequest> = {}): BatchRequest['request'] {
  return {
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: `Question number ${n}: what is ${n} + ${n}?` },
    ],
    model: { provider: 'acme', model: 'mock-model' },
    params: { temperature: 0, maxTokens: 64 },
    ...overrides,
  }
}

export const items = (count: number, make = question): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ customId: `item-${i}`, request: make(i) }))

export async function collect(iterable: AsyncIterable<BatchItemOutcome>): Promise<BatchItemOutcome[]> {
  const all: BatchItemOutcome[] = []
  for await (const outcome of iterable) all.push(outcome)
  return all
}

/** Polls until the job leaves 'pending' (the mock ends a job without delay by its first poll). */
export async function settle(api: BatchApi, remoteId: string, maxPolls = 20): Promise<BatchStatus> {
  for (let i = 0; i < maxPolls; i++) {
    const status = await api.poll(remoteId)
    if (status.phase !== 'pending') return status
  }
  throw new Error(`batch ${remoteId} still pending after ${maxPolls} polls`)
}

export const byId = (outcomes: BatchItemOutcome[]): Map<string, BatchItemOutcome> =>
  new Map(outcomes.map((o) => [o.customId, o]))

export function answered(outcome: BatchItemOutcome | undefined): Extract<BatchItemOutcome, { ok: true }> {
  expect(outcome?.ok, JSON.stringify(outcome)).toBe(true)
  return outcome as Extract<BatchItemOutcome, { ok: true }>
}

export function failed(outcome: BatchItemOutcome | undefined): Extract<BatchItemOutcome, { ok: false }> {
  expect(outcome?.ok, JSON.stringify(outcome)).toBe(false)
  return outcome as Extract<BatchItemOutcome, { ok: false }>
}

export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

export const schema = {
  type: 'object',
  properties: { queue: { type: 'string', enum: ['billing', 'tech'] }, urgent: { type: 'boolean' } },
  required: ['queue', 'urgent'],
  additionalProperties: false,
}

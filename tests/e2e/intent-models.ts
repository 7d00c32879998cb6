import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { startMockLlmServer, type MockChatRequest, type MockLlmServer } from '../fixtures/mock-llm'

/** The journey's own dataset: an intent router's golden set, keyed by `id` (IR-01 …). */
export const intentCsv = resolve(import.meta.dirname, 'data/intent-router.csv')

/** The model the prompt pins: it routes every case as labelled. */
export const pinnedModel = 'intent-2025-01'
/** Its next release: it routes 2 cases in 5 to the wrong intent (still valid JSON), so a gate must fail it. */
export const regressedModel = 'intent-2025-06'

export const intents = [
  'refund',
  'order_status',
  'cancel_subscription',
  'billing_question',
  'technical_issue',
] as const

const rowSchema = z.object({
  id: z.string().regex(/^IR-\d{2}$/),
  message: z.string().min(1),
  channel: z.string().min(1),
  expected_intent: z.enum(intents),
})
export type IntentCase = z.infer<typeof rowSchema>

export function readIntentCases(): IntentCase[] {
  const rows: unknown = parse(readFileSync(intentCsv, 'utf8'), { columns: true, skip_empty_lines: true })
  return z.array(rowSchema).parse(rows)
}

/** Cases 2 and 4 of every 5 (IR-02, IR-04, IR-07 …): what the regressed model gets wrong. */
export function isRegressedCase(index: number): boolean {
  return index % 5 === 1 || index % 5 === 3
}

/**
 * The answer of one model to one request: the case is found by its key in the rendered prompt (the prompt
 * writes it with `{{case.key}}`), so a key that did not reach the prompt is an answer no rule accepts.
 */
export function intentAnswer(request: MockChatRequest, cases: readonly IntentCase[]): string {
  const text = [request.system, ...request.messages.map((m) => m.text)].join('\n')
  const key = /\bIR-\d{2}\b/.exec(text)?.[0]
  const index = cases.findIndex((c) => c.id === key)
  const found = cases[index]
  if (!found) return JSON.stringify({ error: `no case key in the prompt (model ${request.model})` })
  const known = request.model === pinnedModel || request.model === regressedModel
  if (!known) return JSON.stringify({ error: `model ${request.model} is not served here` })
  const wrong = request.model === regressedModel && isRegressedCase(index)
  const right = intents.indexOf(found.expected_intent)
  const intent = wrong ? intents[(right + 1) % intents.length] : found.expected_intent
  return JSON.stringify({ intent, confidence: wrong ? 0.55 : 0.93 })
}

/**
 * Lets a set number of answers through, then holds every later request until opened: a test acts while calls
 * are in flight (cancels a run) on the servers' state, not on timing.
 */
export class AnswerValve {
  private budget = Number.POSITIVE_INFINITY
  private readonly waiting: (() => void)[] = []

  /** Answer `n` more requests, then hold the rest. */
  allow(n: number): void {
    this.budget = n
  }

  /** Answers every held request (a cancelled call's answer goes nowhere) and all later ones. */
  open(): void {
    this.budget = Number.POSITIVE_INFINITY
    for (const release of this.waiting.splice(0)) release()
  }

  /** Requests waiting for an answer. */
  get held(): number {
    return this.waiting.length
  }

  async pass(): Promise<void> {
    if (this.budget > 0) {
      this.budget--
      return
    }
    await new Promise<void>((release) => this.waiting.push(release))
  }
}

/** One OpenAI-compatible model server (the team's own `local-llm`, or a second box serving the same ids). */
export function startIntentServer(cases: readonly IntentCase[], valve: AnswerValve): Promise<MockLlmServer> {
  return startMockLlmServer({
    latency: { minMs: 5, maxMs: 40 },
    models: [pinnedModel, regressedModel],
    responder: async (request) => {
      await valve.pass()
      return intentAnswer(request, cases)
    },
  })
}

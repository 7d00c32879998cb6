import { isJudgeRequest, judgeAnswer } from './demo-judge'
import { generationAnswer, isGenerationRequest } from './demo-generate'
import { isPairwiseRequest, pairwiseAnswer } from './demo-pairwise'
import { findDemoCase, outcomeFor, plainAnswer, triageAnswer, unitHash } from './demo-answers'
import type { ErrorProfile } from './demo-answers'
import { isRoutingRequest, routingAnswer } from './demo-routing'
import { isRubricRequest, rubricAnswer } from './demo-rubric'
import { ProviderError } from './types'
import type { ChatRequest, ChatResponse, Provider } from './types'

/** The provider name prompts use to pick the simulated model. */
export const DEMO_PROVIDER = 'demo'

export interface DemoModel {
  id: string
  /** Always ends with "(simulated)": nobody should mistake these numbers for a real model's. */
  label: string
  description: string
}

export const demoModels: readonly DemoModel[] = [
  {
    id: 'triage-sim-2026-03',
    label: 'Triage Sim 2026-03 (simulated)',
    description:
      'Offline stand-in that answers the demo dataset deterministically, about 90% correct. No network, no key, no cost.',
  },
  {
    id: 'triage-sim-2026-09',
    label: 'Triage Sim 2026-09 (simulated)',
    description:
      'The "upgrade" of the simulated model: slightly worse (about 84% correct) and sometimes answers in a broken ' +
      'format, so the demo shows a regression being caught.',
  },
]

const profiles: Record<string, ErrorProfile> = {
  'triage-sim-2026-03': { wrongShare: 0.1, malformedShare: 0 },
  'triage-sim-2026-09': { wrongShare: 0.12, malformedShare: 0.04 },
}

export interface DemoProviderOptions {
  id?: string
  /** Multiplies the simulated latency (40–160 ms per case); tests pass 0. */
  latencyScale?: number
}

const approxTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4))

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(cancelled()) : Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    if (signal?.aborted) onAbort()
    else signal?.addEventListener('abort', onAbort, { once: true })
  })
}

const cancelled = (): ProviderError => new ProviderError('cancelled', 'The call was cancelled.')

/** JSON is wanted when the prompt asks for it by format or in words (the v1 triage prompt only says so). */
function wantsJson(request: ChatRequest, text: string): boolean {
  const format = request.params.responseFormat?.type
  if (format === 'json_object' || format === 'json_schema') return true
  return format === undefined && /\bJSON\b/.test(text)
}

export function answerDemo(request: ChatRequest): string {
  const modelId = request.model.model
  const profile = profiles[modelId]
  if (!profile) throw new ProviderError('client', `Unknown simulated model "${modelId}".`, { status: 404 })
  const text = request.messages.map((m) => m.content).join('\n')
  const user = request.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n')
  const system = request.messages.find((m) => m.role === 'system')?.content ?? ''
  if (isJudgeRequest(system)) return judgeAnswer(system, user)
  if (isPairwiseRequest(system)) return pairwiseAnswer(system, user)
  if (isRubricRequest(system)) return rubricAnswer(user)
  if (isGenerationRequest(system)) return generationAnswer(user)
  const demoCase = findDemoCase(user)
  if (!demoCase || !wantsJson(request, text)) return plainAnswer(modelId, demoCase, text)
  const outcome = outcomeFor(modelId, profile, demoCase.key)
  return triageAnswer(modelId, demoCase, outcome, text.includes('needs_human'))
}

/** The answer text and tool calls: the routing agent calls tools when its version offers them. */
function demoReply(request: ChatRequest): Pick<ChatResponse, 'text' | 'toolCalls'> {
  if (isRoutingRequest(request)) {
    if (!profiles[request.model.model])
      throw new ProviderError('client', `Unknown simulated model "${request.model.model}".`, { status: 404 })
    return routingAnswer(request)
  }
  return { text: answerDemo(request), toolCalls: [] }
}

/** Waits the simulated latency; a caller that streams gets the answer in a few pieces along the way. */
async function streamDemo(answer: string, totalMs: number, request: ChatRequest): Promise<void> {
  const onText = request.onText
  if (!onText) return sleep(totalMs, request.signal)
  const pieces = answer.match(/[\s\S]{1,24}/g) ?? []
  const step = totalMs / Math.max(1, pieces.length + 1)
  await sleep(Math.round(step), request.signal)
  for (const piece of pieces) {
    onText(piece)
    await sleep(Math.round(step), request.signal)
  }
}

/** The built-in offline model: same input, same answer, same latency, every time. */
export function createDemoProvider(options: DemoProviderOptions = {}): Provider {
  const scale = options.latencyScale ?? 1
  return {
    id: options.id ?? DEMO_PROVIDER,
    async chat(request): Promise<ChatResponse> {
      const { text: answer, toolCalls } = demoReply(request)
      const input = request.messages.map((m) => m.content).join('\n')
      const totalMs = Math.round((40 + unitHash('latency', request.model.model, input) * 120) * scale)
      const ttftMs = Math.round(totalMs * 0.3)
      const limitMs = request.timeoutMs ?? request.limits?.requestMs() ?? Number.POSITIVE_INFINITY
      if (totalMs > limitMs) {
        await sleep(limitMs, request.signal)
        throw new ProviderError('timeout', `No complete answer within ${limitMs} ms (request timeout).`)
      }
      await streamDemo(answer, totalMs, request)
      return {
        text: answer,
        toolCalls,
        finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        usage: {
          inputTokens: approxTokens(input),
          outputTokens: approxTokens(answer + toolCalls.map((c) => c.name + c.arguments).join('')),
          cachedTokens: 0,
        },
        ttftMs,
        totalMs,
        raw: { simulated: true, model: request.model.model },
      }
    },
  }
}

import type { ChatMessage, ToolCall } from '../../../../shared/domain/conversation'
import {
  ProviderError,
  type ChatRequest,
  type ChatResponse,
  type Provider,
} from '../../../../electron/main/core/llm/providers/types'

/** One call the agent received: which item (its case key), which step of its loop, what was sent. */
export interface AgentCall {
  caseKey: string
  step: number
  messages: ChatMessage[]
}

/** What the agent answers at a step: tool calls and/or text, or 'hang' (never answers until aborted). */
export type AgentTurn = { text?: string; toolCalls?: ToolCall[] } | 'hang'

/** The step a request is at: how many answers with tool calls the runner has sent back so far. */
export const stepOf = (messages: readonly ChatMessage[]): number =>
  messages.filter((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0).length

/**
 * A provider that plays an agent from a script, standing in for a server in runner tests (the mock LLM server
 * is the through-the-SDK path). Usage grows with the step so sums can be checked: 100 × (step + 1) input
 * tokens, 10 output, a 5 ms time to first token and 40 ms a call.
 */
export class ScriptedAgent implements Provider {
  readonly calls: AgentCall[] = []
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = []
  private held: { step: number; released: Promise<void> } | undefined

  constructor(
    readonly id: string,
    private readonly script: (step: number, request: ChatRequest) => AgentTurn,
  ) {}

  async chat(request: ChatRequest): Promise<ChatResponse> {
    const step = stepOf(request.messages)
    this.calls.push({ caseKey: request.caseKey ?? '', step, messages: request.messages })
    this.wake()
    const turn = this.script(step, request)
    if (turn === 'hang') return hang(request.signal)
    if (this.held?.step === step) await this.held.released
    const toolCalls = turn.toolCalls ?? []
    return {
      text: turn.text ?? '',
      toolCalls,
      finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
      usage: { inputTokens: 100 * (step + 1), outputTokens: 10, cachedTokens: 0 },
      ttftMs: 5,
      totalMs: 40,
    }
  }

  /** Holds every answer of `step` (the calls stay in flight) until release() is called. */
  hold(step: number): { release: () => void } {
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    this.held = { step, released }
    return { release }
  }

  /** Resolves once `test` holds of the calls received (checked on every call). */
  until(test: (calls: readonly AgentCall[]) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { test: () => test(this.calls), resolve }
      if (waiter.test()) resolve()
      else this.waiters.push(waiter)
    })
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) {
      if (w.test()) w.resolve()
      else this.waiters.push(w)
    }
  }
}

function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    const cancel = () => reject(new ProviderError('cancelled', 'The call was cancelled.'))
    if (signal?.aborted) cancel()
    else signal?.addEventListener('abort', cancel, { once: true })
  })
}

export const toolCall = (id: string, name: string, args: unknown): ToolCall => ({
  id,
  name,
  arguments: typeof args === 'string' ? args : JSON.stringify(args),
})

import type {
  CannedToolResults,
  ChatMessage,
  ToolCall,
  ToolStep,
} from '../../../../shared/domain/conversation'
import type { WorkItem } from './work-items'

/** How a case's tool loop runs: the canned results answering tool calls, and the most model calls it takes. */
export interface ToolLoopPlan {
  canned: CannedToolResults
  maxSteps: number
}

/**
 * A loop runs only when the case supplies canned results and the version allows more than one call; anything
 * else is one call whose tool calls are recorded but not answered (see ModelParams.maxToolSteps).
 */
export function toolLoopPlanOf(item: WorkItem): ToolLoopPlan | null {
  const canned = item.case.toolResults
  const maxSteps = item.version.params.maxToolSteps ?? 1
  return canned !== undefined && maxSteps > 1 ? { canned, maxSteps } : null
}

export type ToolResultMessage = ToolStep['toolResults'][number]

/** What follows a step: its calls answered and the next call made, or the end of the loop and why. */
export type StepSequel =
  | { kind: 'continue'; toolResults: ToolResultMessage[] }
  /** `finishReason` null: the model answered without calling a tool, its own finish reason stands. */
  | { kind: 'end'; finishReason: string | null }

/** Prefixes of the finish reasons the runner records when it ends a loop, so filters and scorers can read them. */
export const loopEndCodes = {
  missingResult: 'tool_result_missing',
  invalidArguments: 'tool_arguments_invalid',
  stepLimit: 'max_tool_steps',
} as const

/**
 * Decides what follows step `index` (0-based) whose answer made `calls`, given the calls of the steps before
 * it (all answered). A tool with no canned result ends the loop with that reason (the answer so far stands,
 * it is never an error or an empty answer); so does a call whose arguments are not a JSON object (no tool
 * would accept it, and Anthropic cannot even be sent it back: the loop would end as an error on one API and
 * go on as if the call were valid on the other), and a step limit reached while the model still calls tools.
 */
export function sequelOf(
  index: number,
  calls: readonly ToolCall[],
  earlierCalls: readonly ToolCall[],
  plan: ToolLoopPlan,
): StepSequel {
  if (calls.length === 0) return { kind: 'end', finishReason: null }
  const malformed = calls.find((c) => !isJsonObject(c.arguments))
  if (malformed) {
    const reason = `the arguments of tool "${malformed.name}" (called at step ${index + 1}) are not a JSON object`
    return { kind: 'end', finishReason: `${loopEndCodes.invalidArguments}: ${reason}` }
  }
  const seen = new Map<string, number>()
  for (const c of earlierCalls) seen.set(c.name, (seen.get(c.name) ?? 0) + 1)
  const toolResults: ToolResultMessage[] = []
  for (const call of calls) {
    const nth = seen.get(call.name) ?? 0
    seen.set(call.name, nth + 1)
    const content = cannedResult(plan.canned, call.name, nth)
    if (content === undefined) {
      const reason = `the case has no canned result for tool "${call.name}" (called at step ${index + 1})`
      return { kind: 'end', finishReason: `${loopEndCodes.missingResult}: ${reason}` }
    }
    toolResults.push({ toolCallId: call.id, name: call.name, content })
  }
  if (index + 1 >= plan.maxSteps) {
    const reason = `the model still called tools at step ${index + 1}, the version's limit of ${plan.maxSteps} steps`
    return { kind: 'end', finishReason: `${loopEndCodes.stepLimit}: ${reason}` }
  }
  return { kind: 'continue', toolResults }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

/** One text answers every call of its tool; a list answers them in order and its last entry repeats. */
export function cannedResult(canned: CannedToolResults, tool: string, nth: number): string | undefined {
  if (!Object.hasOwn(canned, tool)) return undefined
  const answer = canned[tool]
  if (answer === undefined || typeof answer === 'string') return answer
  return answer[Math.min(nth, answer.length - 1)]
}

/** The conversation after a step that continues: what it sent, its answer with its calls, the results. */
export function messagesAfter(step: ToolStep): ChatMessage[] {
  return [
    ...step.messages,
    { role: 'assistant', content: step.text, toolCalls: step.toolCalls },
    ...step.toolResults.map((r): ChatMessage => ({ role: 'tool', ...r })),
  ]
}

/** Every call of the steps, in the order the model made them. */
export const callsOf = (steps: readonly ToolStep[]): ToolCall[] => steps.flatMap((s) => s.toolCalls)

/** Totals of a loop's steps: tokens and latency add up; the cost is unknown if any step's is. */
export function stepTotals(steps: readonly ToolStep[]) {
  let costUsd: number | null = 0
  for (const s of steps) costUsd = costUsd === null || s.costUsd === null ? null : costUsd + s.costUsd
  return {
    inputTokens: sum(steps, (s) => s.inputTokens),
    outputTokens: sum(steps, (s) => s.outputTokens),
    cachedTokens: sum(steps, (s) => s.cachedTokens),
    costUsd,
    totalMs: sum(steps, (s) => s.totalMs),
  }
}

const sum = (steps: readonly ToolStep[], of: (s: ToolStep) => number): number =>
  steps.reduce((n, s) => n + of(s), 0)

import type { CannedToolResults } from '../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import { renderMessages } from '../prompts/templates'
import { TimeSlicer } from '../time-slice'

/** What one version takes over every case of the snapshot, for one model and one repeat. */
export interface VersionLoad {
  calls: number
  inputTokens: number
}

// A rough count (4 characters a token) is enough for an estimate and needs no tokenizer load.
const approxTokens = (text: string): number => Math.ceil(text.length / 4)
/** What a message, a tool call or a tool result adds around its text (role, ids, separators). */
const PER_MESSAGE = 4
const PER_TOOL_CALL = 20

/**
 * The calls and input tokens of each version over the cases, a slice at a time (25,000 cases take a second).
 * A case's conversation turns count as sent, and so do the version's tool definitions, on every call.
 */
export async function versionLoads(
  cases: readonly DatasetCase[],
  versions: readonly PromptVersion[],
): Promise<Map<string, VersionLoad>> {
  const slicer = new TimeSlicer()
  const loads = new Map<string, VersionLoad>()
  for (const version of versions) {
    const load = { calls: 0, inputTokens: 0 }
    for (const c of cases) {
      if (slicer.due) await slicer.pause()
      const one = caseLoad(c, version)
      load.calls += one.calls
      load.inputTokens += one.inputTokens
    }
    loads.set(version.id, load)
  }
  return loads
}

/**
 * One case: one call, or a tool loop. A loop is assumed to take each canned result once, one per step, then
 * answer (at most the version's step limit); each step sends the conversation so far, so later steps cost more.
 */
export function caseLoad(c: DatasetCase, version: PromptVersion): VersionLoad {
  const rendered = renderMessages(version.messages, {
    vars: c.vars,
    key: c.key,
    conversation: c.conversation,
  }).messages
  const tools = version.params.tools
  const first =
    rendered.reduce((n, m) => n + approxTokens(m.content) + PER_MESSAGE, 0) +
    (tools && tools.length > 0 ? approxTokens(JSON.stringify(tools)) : 0)
  const maxSteps = version.params.maxToolSteps ?? 1
  if (c.toolResults === undefined || maxSteps <= 1) return { calls: 1, inputTokens: first }
  const answers = cannedAnswers(c.toolResults).slice(0, maxSteps - 1)
  let inputTokens = first
  let sent = first
  for (const answer of answers) {
    sent += approxTokens(answer) + PER_MESSAGE + PER_TOOL_CALL
    inputTokens += sent
  }
  return { calls: answers.length + 1, inputTokens }
}

/** Every canned answer a case offers, in tool order then list order. */
function cannedAnswers(canned: CannedToolResults): string[] {
  return Object.values(canned).flatMap((answer) => (typeof answer === 'string' ? [answer] : answer))
}

import type { ChatMessage, ConversationTurn, ToolCall } from '../../../../../shared/domain/conversation'
import type { Rubric, RubricCriterion } from '../../../../../shared/domain/scoring'
import { toolCallsText } from '../../../../../shared/lib/tool-call-text'
import { criterionLine, pairwiseMarker } from '../../llm/providers/judge-markers'

/** One side's answer as the judge reads it. */
export interface PairwiseSide {
  text: string
  toolCalls: readonly ToolCall[]
}

/** One case, its two outputs in the order this call shows them. */
export interface PairwiseSubject {
  rubric: Pick<Rubric, 'key' | 'name' | 'version' | 'description'>
  criterion: RubricCriterion
  vars: Record<string, string>
  conversation?: readonly ConversationTurn[]
  expected: Record<string, unknown>
  first: PairwiseSide
  second: PairwiseSide
}

/** The answer the judge is asked for; the demo model and tests' responders read this line. */
export const pairwiseAnswerLine =
  'Answer with a single JSON object and nothing else: {"winner": "1" | "2" | "tie", "reason": "…"}.'

function systemText(s: PairwiseSubject): string {
  return [
    pairwiseMarker,
    'You compare two outputs of an AI feature for the same case on exactly one criterion of a rubric.',
    'Judge only that criterion. The order in which the outputs are shown says nothing about their quality.',
    '',
    `Rubric: ${s.rubric.name} (${s.rubric.key} v${s.rubric.version})`,
    ...(s.rubric.description ? [s.rubric.description, ''] : ['']),
    `Criterion: ${s.criterion.name}`,
    criterionLine(s.criterion.key),
    ...(s.criterion.guidance ? ['', 'Guidance:', s.criterion.guidance] : []),
    '',
    pairwiseAnswerLine,
    '"winner" is "1" when output 1 is better on the criterion, "2" when output 2 is, "tie" when neither is.',
    '"reason" says why in one or two sentences.',
  ].join('\n')
}

function sideText(tag: string, side: PairwiseSide): string[] {
  const calls =
    side.toolCalls.length > 0 ? ['<tool_calls>', toolCallsText(side.toolCalls), '</tool_calls>'] : []
  return [`<${tag}>`, side.text, ...calls, `</${tag}>`]
}

/** Tags keep the case, the expected answer and the two outputs apart, whatever text they contain. */
function userText(s: PairwiseSubject): string {
  const turns = s.conversation ?? []
  return [
    '<case_input>',
    ...Object.entries(s.vars).map(([name, value]) => `<${name}>\n${value}\n</${name}>`),
    '</case_input>',
    ...(turns.length > 0
      ? ['<conversation>', ...turns.map((t) => `${t.role}: ${t.content}`), '</conversation>']
      : []),
    '<expected>',
    JSON.stringify(s.expected, null, 2),
    '</expected>',
    ...sideText('output_1', s.first),
    ...sideText('output_2', s.second),
  ].join('\n')
}

/** The pairwise judge prompt: the criterion, the case and the two outputs in this call's order. */
export function pairwiseMessages(subject: PairwiseSubject): ChatMessage[] {
  return [
    { role: 'system', content: systemText(subject) },
    { role: 'user', content: userText(subject) },
  ]
}

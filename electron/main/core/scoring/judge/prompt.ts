import type { ChatMessage, ConversationTurn, ToolCall } from '../../../../../shared/domain/conversation'
import { toolCallsText } from '../../../../../shared/lib/tool-call-text'
import type { Rubric, RubricCriterion, RubricScale } from '../../../../../shared/domain/scoring'
import { criterionLine, judgeMarker } from '../../llm/providers/judge-markers'

export { criterionLine, judgeMarker }

export interface JudgeSubject {
  rubric: Pick<Rubric, 'key' | 'name' | 'version' | 'description'>
  criterion: RubricCriterion
  /** The case's input variables, as the evaluated prompt saw them. */
  vars: Record<string, string>
  /** A conversation case's turns, as the case holds them (its variables are in `vars`). */
  conversation?: readonly ConversationTurn[]
  expected: Record<string, unknown>
  output: string
  /** The answer's tool calls: for an answer made only of calls they are the whole answer. */
  toolCalls?: readonly ToolCall[]
}

/** How the "score" field is to be written for this scale; the demo judge reads this line too. */
export function scoreInstruction(scale: RubricScale): string {
  switch (scale.type) {
    case 'pass_fail':
      return '"score" is "pass" or "fail".'
    case 'likert':
      return `"score" is an integer from ${scale.min} to ${scale.max}.`
    case 'labels':
      return `"score" is one of ${scale.labels.map((l) => JSON.stringify(l)).join(', ')} (worst to best).`
  }
}

function scaleText(scale: RubricScale): string {
  switch (scale.type) {
    case 'pass_fail':
      return 'pass or fail'
    case 'likert': {
      const lines = Object.entries(scale.labels)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([score, label]) => `  ${score} = ${label}`)
      return [`an integer from ${scale.min} (worst) to ${scale.max} (best)`, ...lines].join('\n')
    }
    case 'labels':
      return `one label, worst to best: ${scale.labels.join(' < ')}`
  }
}

function systemText(subject: JudgeSubject): string {
  const { rubric, criterion } = subject
  return [
    judgeMarker,
    'You score one output of an AI feature on exactly one criterion of a rubric. Judge only that criterion.',
    '',
    `Rubric: ${rubric.name} (${rubric.key} v${rubric.version})`,
    ...(rubric.description ? [rubric.description, ''] : ['']),
    `Criterion: ${criterion.name}`,
    criterionLine(criterion.key),
    `Scale: ${scaleText(criterion.scale)}`,
    ...(criterion.guidance ? ['', 'Guidance:', criterion.guidance] : []),
    '',
    'Answer with a single JSON object and nothing else: {"score": …, "reason": "…"}.',
    `${scoreInstruction(criterion.scale)} "reason" says why in one or two sentences.`,
  ].join('\n')
}

/**
 * Tags keep the case, the expected answer and the output apart, whatever text they contain. Turns and tool
 * calls get tags only when there are some, so a single-turn text answer is judged exactly as before.
 */
function userText(subject: JudgeSubject): string {
  const inputs = Object.entries(subject.vars).map(([name, value]) => `<${name}>\n${value}\n</${name}>`)
  const turns = subject.conversation ?? []
  const calls = subject.toolCalls ?? []
  return [
    '<case_input>',
    ...inputs,
    '</case_input>',
    ...(turns.length > 0
      ? ['<conversation>', ...turns.map((t) => `${t.role}: ${t.content}`), '</conversation>']
      : []),
    '<expected>',
    JSON.stringify(subject.expected, null, 2),
    '</expected>',
    '<output>',
    subject.output,
    '</output>',
    ...(calls.length > 0 ? ['<tool_calls>', toolCallsText(calls), '</tool_calls>'] : []),
  ].join('\n')
}

/** The judge prompt built from one rubric criterion, the case (input and expected fields) and the output. */
export function judgeMessages(subject: JudgeSubject): ChatMessage[] {
  return [
    { role: 'system', content: systemText(subject) },
    { role: 'user', content: userText(subject) },
  ]
}

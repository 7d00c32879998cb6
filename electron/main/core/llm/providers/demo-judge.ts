import { criterionLine, judgeMarker } from './judge-markers'
import { findDemoCase, unitHash, type DemoCase } from './demo-answers'

/** The simulated judge: answers judge prompts about demo cases deterministically, like the triage model. */

type Scale =
  { type: 'pass_fail' } | { type: 'likert'; min: number; max: number } | { type: 'labels'; labels: string[] }

/** A grade on 0..1 and why; mapped onto whatever scale the judge prompt asks for. */
export interface Grade {
  quality: number
  reason: string
}

export const isJudgeRequest = (system: string): boolean => system.startsWith(judgeMarker)

function scaleOf(system: string): Scale {
  const likert = /"score" is an integer from (-?\d+) to (-?\d+)\./.exec(system)
  if (likert) return { type: 'likert', min: Number(likert[1]), max: Number(likert[2]) }
  const labels = /"score" is one of (.+) \(worst to best\)\./.exec(system)
  if (labels?.[1])
    return { type: 'labels', labels: [...labels[1].matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '') }
  return { type: 'pass_fail' }
}

function criterionOf(system: string): string {
  const prefix = criterionLine('')
  const line = system.split('\n').find((l) => l.startsWith(prefix))
  return line ? line.slice(prefix.length).trim() : ''
}

/** The evaluated output: what stands between the last <output> and </output> tags of the judge prompt. */
function outputOf(user: string): string {
  const start = user.lastIndexOf('<output>\n')
  const end = user.lastIndexOf('\n</output>')
  return start >= 0 && end > start ? user.slice(start + '<output>\n'.length, end) : ''
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

const PRIORITIES = ['p1', 'p2', 'p3', 'p4']

/** Likert-like: exact 1, one level off 0.75 or 0.5 (defensible or not), two 0.25, an outage missed 0. */
function gradePriority(answer: Record<string, unknown>, demoCase: DemoCase): Grade {
  const got = PRIORITIES.indexOf(String(answer['priority']))
  const want = PRIORITIES.indexOf(String(demoCase.expected['priority']))
  if (got < 0) return { quality: 0, reason: 'The output gives no usable priority.' }
  const off = Math.abs(got - want)
  if (off === 0) return { quality: 1, reason: `Priority ${PRIORITIES[got]} matches the triage guide.` }
  if (want === 0 || off >= 3) {
    return {
      quality: 0,
      reason: `Priority ${PRIORITIES[got]} for a ${PRIORITIES[want]} ticket could delay an incident response.`,
    }
  }
  if (off === 2)
    return { quality: 0.25, reason: `Priority ${PRIORITIES[got]} is two levels from ${PRIORITIES[want]}.` }
  const defensible = unitHash('judge', demoCase.key, 'priority') < 0.5
  return defensible
    ? {
        quality: 0.75,
        reason: `Priority ${PRIORITIES[got]} is one level off ${PRIORITIES[want]} but defensible.`,
      }
    : {
        quality: 0.5,
        reason: `Priority ${PRIORITIES[got]} is one level off ${PRIORITIES[want]}; a lead would correct it.`,
      }
}

function gradeField(answer: Record<string, unknown>, demoCase: DemoCase, field: string): Grade {
  if (!(field in answer)) return { quality: 0, reason: `The output has no ${field}.` }
  const ok = answer[field] === demoCase.expected[field]
  return ok
    ? { quality: 1, reason: `${field} ${JSON.stringify(answer[field])} is right for this ticket.` }
    : {
        quality: 0,
        reason: `${field} is ${JSON.stringify(answer[field])}; this ticket is ${JSON.stringify(demoCase.expected[field])}.`,
      }
}

/** Any other criterion: the share of expected triage fields the output gets right. */
function gradeOverall(answer: Record<string, unknown>, demoCase: DemoCase): Grade {
  const fields = Object.keys(demoCase.expected)
  const right = fields.filter((f) => answer[f] === demoCase.expected[f]).length
  return {
    quality: right / fields.length,
    reason: `${right} of ${fields.length} triage fields match the ticket.`,
  }
}

function gradeTriage(criterion: string, output: string, demoCase: DemoCase): Grade {
  const answer = parseObject(output)
  if (!answer) return { quality: 0, reason: 'The output is not a JSON object, so the triage cannot be used.' }
  if (criterion === 'priority_reasonable') return gradePriority(answer, demoCase)
  if (criterion === 'category_correct') return gradeField(answer, demoCase, 'category')
  if (criterion === 'needs_human_correct') return gradeField(answer, demoCase, 'needs_human')
  return gradeOverall(answer, demoCase)
}

/** Replies (plain text) are judged on tone and safety by what the simulated drafter writes. */
function gradeReply(criterion: string, output: string): Grade {
  if (criterion === 'tone') {
    return /sorry|apolog/i.test(output)
      ? { quality: 1, reason: 'The reply acknowledges the trouble before the next step.' }
      : { quality: 0.5, reason: 'Polite but generic.' }
  }
  return { quality: 1, reason: 'The reply promises nothing it cannot keep and says what happens next.' }
}

function onScale(scale: Scale, quality: number): number | string {
  switch (scale.type) {
    case 'pass_fail':
      return quality >= 1 ? 'pass' : 'fail'
    case 'likert':
      return Math.round(scale.min + quality * (scale.max - scale.min))
    case 'labels':
      return scale.labels[Math.round(quality * (scale.labels.length - 1))] ?? scale.labels[0] ?? ''
  }
}

/** How the simulated judge grades one output of a judge prompt's case on a criterion (pairwise uses it too). */
export function demoGrade(system: string, user: string, output: string): Grade {
  const criterion = criterionOf(system)
  const demoCase = findDemoCase(user)
  return !demoCase
    ? {
        quality: 0.5,
        reason: 'The simulated judge only knows the demo dataset; this is a placeholder score.',
      }
    : // Triage answers carry JSON (even the malformed ones); the drafter's replies are plain text.
      output.includes('{')
      ? gradeTriage(criterion, output, demoCase)
      : gradeReply(criterion, output)
}

/** {"score", "reason"} for a judge prompt built by scoring/judge/prompt.ts. */
export function judgeAnswer(system: string, user: string): string {
  const grade = demoGrade(system, user, outputOf(user))
  return JSON.stringify({ score: onScale(scaleOf(system), grade.quality), reason: grade.reason })
}

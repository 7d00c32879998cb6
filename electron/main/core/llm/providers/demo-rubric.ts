/**
 * The simulated grader for promptfoo `llm-rubric` assertions. promptfoo's default grading prompt (which the
 * promptfoo assertions scorer sends as is, so it is matched by its fixed opening) asks for
 * {reason, pass, score}. Without this the demo model answered it as a ticket, and every llm-rubric on the
 * demo failed with "Could not extract JSON" — a verdict about the grader, not about the output.
 */
const rubricOpening = 'You are grading output according to a user-specified rubric.'

export const isRubricRequest = (system: string): boolean => system.startsWith(rubricOpening)

function between(user: string, tag: string): string {
  const start = user.indexOf(`<${tag}>\n`)
  const end = user.lastIndexOf(`\n</${tag}>`)
  return start >= 0 && end > start ? user.slice(start + tag.length + 3, end) : ''
}

function categoryOf(output: string): string | null {
  try {
    const parsed: unknown = JSON.parse(output)
    if (typeof parsed !== 'object' || parsed === null || !('category' in parsed)) return null
    return typeof parsed.category === 'string' ? parsed.category : null
  } catch {
    return null
  }
}

/**
 * Deterministic: a triage answer passes when the rubric names its category ("outage", "feature request");
 * anything else fails, saying the simulated grader only reads triage answers.
 */
export function rubricAnswer(user: string): string {
  const category = categoryOf(between(user, 'Output'))
  const rubric = between(user, 'Rubric').toLowerCase()
  if (category === null) {
    const reason = 'The simulated grader only reads triage answers (JSON with a category).'
    return JSON.stringify({ reason, pass: false, score: 0 })
  }
  const named = rubric.includes(category.toLowerCase()) || rubric.includes(category.replace(/_/g, ' '))
  const reason = named
    ? `The output's category "${category}" is the one the rubric names.`
    : `The output's category "${category}" is not named by the rubric.`
  return JSON.stringify({ reason, pass: named, score: named ? 1 : 0 })
}

import { describe, expect, it } from 'vitest'
import { createDemoProvider } from '../../../../../electron/main/core/llm/providers/demo'
import { runLlmRubric } from '../../../../../electron/main/core/scoring/scorers/assertions-rubric'

const provider = createDemoProvider({ latencyScale: 0 })
const judgeModel = { provider: 'demo', model: 'triage-sim-2026-03' }

/** An llm-rubric assertion graded by the simulated model, through the scorer's own prompt and answer reading. */
function rubric(output: string, value: string, type = 'llm-rubric') {
  return runLlmRubric({
    assertion: { type, value },
    rubric: value,
    output,
    vars: {},
    inverse: type.startsWith('not-'),
    judgeModel,
    grade: async ({ model, messages }) => {
      const answer = await provider.chat({ model, messages, params: {}, timeoutMs: 10_000 })
      return { ok: true, text: answer.text }
    },
  })
}

describe('the simulated demo model grades promptfoo llm-rubric assertions', () => {
  const outage = JSON.stringify({
    category: 'outage',
    priority: 'p1',
    sentiment: 'negative',
    needs_human: true,
  })

  it('passes a triage answer whose category the rubric names, and fails one it does not', async () => {
    // Before: the demo model answered the grading prompt as a ticket, and every llm-rubric failed with
    // "Could not extract JSON from llm-rubric response".
    await expect(rubric(outage, 'The ticket is classified as an outage')).resolves.toMatchObject({
      status: 'scored',
      pass: true,
      score: 1,
      reason: 'The output\'s category "outage" is the one the rubric names.',
    })
    await expect(rubric(outage, 'The ticket is about billing')).resolves.toMatchObject({
      status: 'scored',
      pass: false,
      score: 0,
    })
    await expect(
      rubric(outage, 'The ticket is classified as an outage', 'not-llm-rubric'),
    ).resolves.toMatchObject({ pass: false, score: 0 })
  })

  it('names "feature request" for feature_request and fails text it cannot read, saying why', async () => {
    const feature = JSON.stringify({ category: 'feature_request', priority: 'p4' })
    await expect(rubric(feature, 'A feature request, not a bug')).resolves.toMatchObject({ pass: true })
    await expect(rubric('Hi there, thanks for writing in.', 'Is polite')).resolves.toMatchObject({
      pass: false,
      reason: 'The simulated grader only reads triage answers (JSON with a category).',
    })
  })
})

import { describe, expect, it } from 'vitest'
import demoDataset from '../../../../resources/demo/dataset.json'
import demoRubric from '../../../../resources/demo/rubric.json'
import { demoDatasetSchema } from '../../../../shared/domain/demo-files'
import { createDemoProvider } from '../../../../electron/main/core/llm/providers/demo'
import { parseJudgeAnswer } from '../../../../electron/main/core/scoring/judge/answer'
import { judgeMessages } from '../../../../electron/main/core/scoring/judge/prompt'
import { rubricDraftSchema, type RubricCriterion } from '../../../../shared/domain/scoring'

const dataset = demoDatasetSchema.parse(demoDataset)
const rubric = { ...rubricDraftSchema.parse(demoRubric), version: 1 }
const provider = createDemoProvider({ latencyScale: 0 })
const criterion = (key: string): RubricCriterion => {
  const found = rubric.criteria.find((c) => c.key === key)
  if (!found) throw new Error(`no criterion ${key}`)
  return found
}

async function judge(key: string, output: string, caseIndex = 0) {
  const c = dataset.cases[caseIndex]
  if (!c) throw new Error('no case')
  const messages = judgeMessages({
    rubric,
    criterion: criterion(key),
    vars: c.vars,
    expected: c.expected,
    output,
  })
  const response = await provider.chat({
    messages,
    model: { provider: 'demo', model: 'triage-sim-2026-03' },
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    timeoutMs: 10_000,
  })
  return { response, answer: parseJudgeAnswer(response.text, criterion(key).scale) }
}

describe('the simulated judge', () => {
  const first = dataset.cases[0]?.expected ?? {}
  const right = JSON.stringify(first)

  it('answers a judge prompt with a score on the criterion’s scale and a reason, deterministically', async () => {
    const { response, answer } = await judge('priority_reasonable', right)
    expect(answer).toMatchObject({ ok: true, raw: 5 })
    expect(response.usage.inputTokens).toBeGreaterThan(0)
    expect((await judge('priority_reasonable', right)).response).toEqual(response)
  })

  it('scores a wrong priority lower, a dangerous one lowest, and broken JSON as unusable', async () => {
    // Case 1 is a p2: p3 is one level off, p4 two.
    const off = await judge('priority_reasonable', JSON.stringify({ ...first, priority: 'p3' }))
    expect(off.answer.ok && off.answer.raw).toBeGreaterThanOrEqual(3)
    expect(off.answer.ok && off.answer.raw).toBeLessThanOrEqual(4)
    expect(
      (await judge('priority_reasonable', JSON.stringify({ ...first, priority: 'p4' }))).answer,
    ).toMatchObject({ raw: 2 })
    expect((await judge('priority_reasonable', 'Here is the triage: {')).answer).toMatchObject({ raw: 1 })
  })

  it('answers pass/fail and label criteria on their own scales', async () => {
    expect((await judge('category_correct', right)).answer).toMatchObject({ raw: 1 })
    expect(
      (await judge('category_correct', JSON.stringify({ ...first, category: 'bug' }))).answer,
    ).toMatchObject({ raw: 0 })
    expect(
      (await judge('needs_human_correct', JSON.stringify({ category: 'billing' }))).answer,
    ).toMatchObject({ raw: 0 })
    const tone = await judge('tone', "Hi there, I'm sorry for the trouble. We will follow up.")
    expect(tone.answer).toMatchObject({ ok: true, raw: 2 })
  })
})

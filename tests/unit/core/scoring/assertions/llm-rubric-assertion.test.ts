import { describe, expect, it } from 'vitest'
import { assertionsScorer } from '../../../../../electron/main/core/scoring/scorers/assertions'
import type { GradeAnswer, GradeRequest } from '../../../../../electron/main/core/scoring/scorers/async-types'
import type { MockChatRequest, MockLlmServer } from '../../../../fixtures/mock-llm'
import { openaiFor, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { orderCase, services } from './helpers'

const startMock = useMockLlmServer()
const judgeModel = { provider: 'acme-judge', model: 'grader-large' }
const scorer = assertionsScorer({ kind: 'assertions', field: 'assertions', judgeModel })
const polite = 'Thank you for waiting, Ingrid. Order 4471 has shipped.'
const rude = 'Order 4471 shipped. Stop asking.'

/** The grader: polite answers pass; "score as text" and "no json" rubrics test promptfoo's lenient reading. */
function grader(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  if (text.includes('answer without json')) return 'I think it passes.'
  if (text.includes('score as text')) return '{"pass": "yes", "score": "0.4", "reason": ""}'
  const pass = text.includes('Thank you')
  return `Here is my grade: {"reason": "${pass ? 'courteous' : 'curt'}", "pass": ${pass}, "score": ${pass ? 0.9 : 0.1}}`
}

/** services.grade as the scoring pass lends it: one model call through the real OpenAI SDK to the mock server. */
function gradeThrough(server: MockLlmServer): (request: GradeRequest) => Promise<GradeAnswer> {
  const client = openaiFor(server)
  return async (request) => {
    try {
      const completion = await client.chat.completions.create({
        model: request.model.model,
        messages: request.messages.map((m) => ({ role: m.role as 'system' | 'user', content: m.content })),
      })
      return { ok: true, text: completion.choices[0]?.message.content ?? '' }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  }
}

type Detail = { type: string; status: string; pass: boolean; score: number; reason: string }
const detailsOf = (outcome: { details?: Record<string, unknown> }): Detail[] =>
  (outcome.details?.['assertions'] ?? []) as Detail[]

describe('llm-rubric assertion', () => {
  it("sends promptfoo's default rubric prompt to the judge model and reads its JSON verdict", async () => {
    const server = await startMock({ responder: grader, recordRequests: 10 })
    const lent = services(gradeThrough(server))
    const assertion = { type: 'llm-rubric', value: 'Is courteous to the customer' }
    const good = await scorer(orderCase(polite, [assertion]), lent)
    expect(good).toMatchObject({ value: 1, raw: 0.9, passed: true })
    expect(detailsOf(good)[0]).toMatchObject({ pass: true, score: 0.9, reason: 'courteous' })
    const bad = await scorer(orderCase(rude, [assertion]), lent)
    expect(bad).toMatchObject({ value: 0, passed: false, reason: 'curt' })

    const [sent] = lent.requests
    expect(sent?.model).toEqual(judgeModel)
    expect(sent?.messages[0]?.content).toMatch(/^You are grading output according to a user-specified rubric/)
    expect(sent?.messages[1]?.content).toBe(
      `<Output>\n${polite}\n</Output>\n<Rubric>\nIs courteous to the customer\n</Rubric>`,
    )
    expect(server.requests).toHaveLength(2)
  })

  it('applies the assertion threshold and inverts for not-llm-rubric', async () => {
    const server = await startMock({ responder: grader })
    const lent = services(gradeThrough(server))
    const high = await scorer(
      orderCase(polite, [{ type: 'llm-rubric', value: 'Is courteous', threshold: 0.95 }]),
      lent,
    )
    expect(detailsOf(high)[0]).toMatchObject({ pass: false, score: 0.9, reason: 'courteous' })
    const inverted = await scorer(orderCase(rude, [{ type: 'not-llm-rubric', value: 'Is courteous' }]), lent)
    expect(detailsOf(inverted)[0]!.pass).toBe(true)
    expect(detailsOf(inverted)[0]!.score).toBeCloseTo(0.9)
  })

  it('reads a lenient answer as promptfoo does; no JSON is a failure that not- does not flip', async () => {
    const server = await startMock({ responder: grader })
    const lent = services(gradeThrough(server))
    const lenient = await scorer(orderCase(rude, [{ type: 'llm-rubric', value: 'score as text' }]), lent)
    expect(detailsOf(lenient)[0]).toMatchObject({ pass: true, score: 0.4, reason: 'Grading passed' })
    const noJson = await scorer(
      orderCase(rude, [{ type: 'not-llm-rubric', value: 'answer without json' }]),
      lent,
    )
    expect(detailsOf(noJson)[0]).toMatchObject({
      pass: false,
      reason: 'Could not extract JSON from llm-rubric response',
    })
  })

  it('without a judge model the test is not scored and says why; nothing is sent', async () => {
    const lent = services()
    const noJudge = assertionsScorer({ kind: 'assertions', field: 'assertions', judgeModel: null })
    const outcome = await noJudge(orderCase(polite, [{ type: 'llm-rubric', value: 'Is courteous' }]), lent)
    expect(outcome).toMatchObject({ value: null, passed: null })
    expect(outcome.reason).toContain('judge model')
    expect(lent.requests).toHaveLength(0)
  })

  it('a failing grader call is a scoring error, not a failed output', async () => {
    const server = await startMock({ responder: grader, rate500: 1 })
    const outcome = await scorer(
      orderCase(polite, [{ type: 'llm-rubric', value: 'Is courteous' }]),
      services(gradeThrough(server)),
    )
    expect(outcome).toMatchObject({ value: null, passed: null, details: { error: 'assertion' } })
    expect(outcome.reason).toContain('The grader call failed')
  })
})

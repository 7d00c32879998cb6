import { describe, expect, it } from 'vitest'
import { createClient } from '../../../renderer/src/api'
import { addPromptfooAssertionsScorer } from '../../../renderer/src/stores/datasets/assertions-scorer'
import { createFakeCore, defaultState } from '../fixtures/fake-core'

const judge = { provider: 'acme-judge', model: 'grader-large' }

describe('adding the promptfoo assertions scorer after an import', () => {
  it("uses the suite's judge model for llm-rubric, picks a free metric, and does not add it twice", async () => {
    const core = createFakeCore(defaultState())
    const client = createClient(core.transport)
    const suite = await client.call('suites.get', { promptId: 'p-reply' })
    await client.call('suites.save', {
      promptId: 'p-reply',
      message: 'judge and a metric named like ours',
      suite: {
        gates: suite.gates,
        scorers: [
          ...suite.scorers,
          {
            metric: 'promptfoo.pass',
            label: 'older custom check',
            config: { kind: 'rule', rule: { op: 'contains', path: '', value: 'order' } },
          },
          {
            metric: 'tone',
            label: 'Tone',
            config: { kind: 'judge', rubricId: 'rub-tone-1', criterionKey: 'tone', model: judge, samples: 1 },
          },
        ],
      },
    })
    const added = await addPromptfooAssertionsScorer(client, 'p-reply', {
      needsJudge: true,
      fileName: 'orders.yaml',
    })
    expect(added).toMatchObject({ metric: 'promptfoo.pass-2', judgeModel: judge, alreadyThere: false })
    const saved = await client.call('suites.get', { promptId: 'p-reply' })
    expect(saved.message).toBe('Added a promptfoo assertions scorer for the tests imported from orders.yaml')
    expect(saved.scorers.at(-1)?.config).toEqual({
      kind: 'assertions',
      field: 'assertions',
      judgeModel: judge,
    })

    const again = await addPromptfooAssertionsScorer(client, 'p-reply', {
      needsJudge: true,
      fileName: 'x.yaml',
    })
    expect(again).toMatchObject({
      alreadyThere: true,
      metric: 'promptfoo.pass-2',
      suiteVersion: saved.version,
    })
  })

  it('leaves the judge empty when no assertion needs one', async () => {
    const client = createClient(createFakeCore(defaultState()).transport)
    const added = await addPromptfooAssertionsScorer(client, 'p-triage', {
      needsJudge: false,
      fileName: 't.yaml',
    })
    expect(added.judgeModel).toBeNull()
  })
})

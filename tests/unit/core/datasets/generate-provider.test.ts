import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { CaseDraft, GenerationResult } from '../../../../shared/domain/case-drafts'
import type { DatasetCase, DatasetDetail } from '../../../../shared/domain/datasets'
import type { MockChatRequest } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { addLocalLlm, userCore } from '../api/user-provider'
import { call, demoCore, failure } from '../core-calls'
import { fingerprint } from './api-helpers'

const newHome = useTempHomes()
const startMock = useMockLlmServer()
const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }

/** A dataset of the user's own: shipping questions, one variable, an expected `team`. */
async function shippingDataset(core: Core): Promise<string> {
  const { dataset } = await call<DatasetDetail>(core, 'datasets.create', { name: 'Shipping questions' })
  for (const [question, team] of [
    ['Where is my parcel? It was due Monday.', 'logistics'],
    ['Can I change the delivery address of order 4411?', 'logistics'],
  ]) {
    await call<DatasetCase>(core, 'cases.add', {
      datasetId: dataset.id,
      fields: {
        vars: { question },
        expected: { team },
        expectedOutput: null,
        tags: ['topic:shipping'],
        notes: '',
      },
    })
  }
  return dataset.id
}

const ask = (core: Core, datasetId: string, count = 3) => ({
  datasetId,
  tags: ['topic:shipping'],
  model,
  count,
})

describe('generating cases with a provider of the user’s own (OpenAI-compatible, the mock server)', () => {
  it('sends the segment’s examples and stores the JSON list the model answers, fenced or not', async () => {
    const seen: MockChatRequest[] = []
    const server = await startMock({
      responder: (request) => {
        seen.push(request)
        const cases = [
          {
            vars: { question: 'My parcel shows delivered but is not here.' },
            expected: { team: 'logistics' },
          },
          {
            vars: { question: 'Can you ship to a pick-up point?' },
            expected: { team: 'logistics' },
            expectedOutput: null,
            notes: 'Delivery options',
          },
        ]
        return '```json\n' + JSON.stringify(cases) + '\n```'
      },
    })
    const core = userCore(newHome())
    await addLocalLlm(core, server)
    const datasetId = await shippingDataset(core)
    const result = await call<GenerationResult>(core, 'datasets.generateCases', ask(core, datasetId))
    expect(result).toMatchObject({ asked: 3, received: 2 })
    expect(result.drafts.map((d) => d.vars['question'])).toEqual([
      'My parcel shows delivered but is not here.',
      'Can you ship to a pick-up point?',
    ])
    expect(result.drafts[1]).toMatchObject({ notes: 'Delivery options', tags: ['topic:shipping'], model })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.model).toBe('qwen2.5-7b-instruct')
    expect(seen[0]?.system).toContain('You write new test cases')
    expect(seen[0]?.messages[0]?.text).toContain('Where is my parcel? It was due Monday.')
    expect(seen[0]?.messages[0]?.text).toContain('<count>3</count>')
    const accepted = await call<{ cases: DatasetCase[] }>(core, 'caseDrafts.accept', {
      draftIds: result.drafts.map((d) => d.id),
    })
    expect(accepted.cases.map((c) => c.tags)).toEqual([
      ['topic:shipping', 'source:generated'],
      ['topic:shipping', 'source:generated'],
    ])
    expect(accepted.cases.map((c) => c.key)).toEqual(['case-0003', 'case-0004'])
    core.close()
  })

  it.each([
    [
      'prose',
      'Sure! Here are some cases: 1. Where is my parcel?',
      /it is not JSON \(it starts with "Sure! Here are some/,
    ],
    ['an object', JSON.stringify({ question: 'x' }), /not a list of cases \(a object\)/],
    ['an empty list', '[]', /holds no cases/],
    [
      'too many cases',
      JSON.stringify(Array(4).fill({ vars: { question: 'q' }, expected: { team: 't' } })),
      /4 cases, more than the 3/,
    ],
    [
      'wrong fields',
      JSON.stringify([
        { vars: { text: 'Where?' }, expected: { team: 'logistics' } },
        { vars: { question: 'Where?' }, expected: { queue: 'x' } },
        { vars: { question: 7 }, expected: { team: 'x' } },
      ]),
      /case 1: no variable "question"; case 1: variable "text" is not one of the dataset's; case 2: no expected "team"; case 2: expected "queue" is not a field of the dataset; case 3: "vars.question": /,
    ],
  ])('refuses %s with an error naming what was wrong, and stores nothing', async (_, answer, message) => {
    const server = await startMock({ responder: () => answer })
    const home = newHome()
    const core = userCore(home)
    await addLocalLlm(core, server)
    const datasetId = await shippingDataset(core)
    const before = fingerprint(home)
    const error = await failure(core, 'datasets.generateCases', ask(core, datasetId))
    expect(error.message).toMatch(message)
    expect(error.message).toContain('Nothing was stored')
    expect(fingerprint(home)).toEqual(before)
    expect(await call<CaseDraft[]>(core, 'caseDrafts.list', { datasetId })).toEqual([])
    core.close()
  })

  it('says when the provider cannot be reached, and stores nothing', async () => {
    const server = await startMock({ responder: () => '[]' })
    const core = demoCore(newHome(), { runner: { env: {}, retryPolicy: { maxAttempts: 2, baseDelayMs: 1 } } })
    await addLocalLlm(core, server)
    const datasetId = await shippingDataset(core)
    await server.close()
    const error = await failure(core, 'datasets.generateCases', ask(core, datasetId))
    expect(error.message).toContain('local-llm/qwen2.5-7b-instruct could not be asked for cases')
    expect(await call<CaseDraft[]>(core, 'caseDrafts.list', { datasetId })).toEqual([])
    core.close()
  })
})

import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Preview } from '../../../../shared/domain/registry'
import type { RunEstimate, RunResultPage } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { importAsNew } from '../datasets/api-helpers'
import { runToEnd } from '../scoring/helpers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const csv = 'id,question\nrq-0041,Where is my refund?\nrq-0042,Can I return a gift?\n'
const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }

function newPrompt(content: string) {
  return { name: 'Refund answer', messages: [{ role: 'user', content }], model, message: 'first cut' }
}

async function refundWorkspace(core: Core) {
  const imported = await importAsNew(core, 'refunds.csv', csv, 'Refund questions')
  return imported.dataset.id
}

describe('{{case.key}}: the case key in a prompt', () => {
  it('names the fix when a prompt asks for the key column as a variable', async () => {
    const core = demoCore(tempHome())
    await refundWorkspace(core)
    const refused = await failure(core, 'prompts.create', newPrompt('Ticket {{id}}: {{question}}'))
    expect(refused.code).toBe('INVALID_INPUT')
    expect(refused.message).toMatch(/^Unknown variable \{\{id\}\} in message 1 \(user\)/)
    expect(refused.message).toContain(
      'A column named like {{id}} becomes the case key on import, not a variable: write {{case.key}} for the case key.',
    )
    const typo = await failure(core, 'prompts.create', newPrompt('{{questoin}}'))
    expect(typo.message).not.toContain('case.key')
    core.close()
  })

  it('is accepted on save, and filled in the preview, the estimate and the calls a run makes', async () => {
    const server = await startMock({ recordRequests: 10 })
    const core = demoCore(tempHome(), {
      providerSettings: {
        'local-llm': { kind: 'openai-compatible', baseUrl: server.openaiBaseUrl, concurrency: 2 },
      },
      runner: { flushMs: 10 },
    })
    const datasetId = await refundWorkspace(core)
    const prompt = await call<PromptDetail>(
      core,
      'prompts.create',
      newPrompt('Ticket {{case.key}}: {{question}}'),
    )
    const preview = await call<Preview>(core, 'prompts.preview', {
      messages: prompt.version.messages,
      model,
      vars: { question: 'Where is my refund?' },
      caseKey: 'rq-0041',
    })
    expect(preview.messages[0]?.content).toBe('Ticket rq-0041: Where is my refund?')
    expect(preview.missing).toEqual([])
    const plan = { promptVersionIds: [prompt.version.id], models: [model], datasetId, useCache: false }
    const estimate = await call<RunEstimate>(core, 'runs.plan', plan)
    expect(estimate.calls).toBe(2)
    const run = await runToEnd(core, plan)
    expect(run.status).toBe('completed')
    const page = await call<RunResultPage>(core, 'runs.results', { runId: run.id })
    const sent = page.results.map((r) => r.request.messages[0]?.content).sort()
    expect(sent).toEqual(['Ticket rq-0041: Where is my refund?', 'Ticket rq-0042: Can I return a gift?'])
    const seen = server.requests.map((r) => r.request.messages[0]?.text).sort()
    expect(seen).toEqual(sent)
    core.close()
  })
})

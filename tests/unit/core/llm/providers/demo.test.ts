import { describe, expect, it } from 'vitest'
import demoDataset from '../../../../../resources/demo/dataset.json'
import demoPrompts from '../../../../../resources/demo/prompts.json'
import { demoDatasetSchema, demoPromptsSchema } from '../../../../../shared/domain/demo-files'
import { createDemoProvider, demoModels } from '../../../../../electron/main/core/llm/providers/demo'
import { renderMessages } from '../../../../../electron/main/core/prompts/templates'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import type { ModelParams, PromptMessage } from '../../../../../shared/domain/prompts'

const dataset = demoDatasetSchema.parse(demoDataset)
const prompts = demoPromptsSchema.parse(demoPrompts)
const provider = createDemoProvider({ latencyScale: 0 })
const [older, newer] = ['triage-sim-2026-03', 'triage-sim-2026-09']

function requestFor(
  model: string,
  version: { messages: PromptMessage[]; params: ModelParams },
  vars: Record<string, string>,
): ChatRequest {
  return {
    messages: renderMessages(version.messages, { vars, key: null }).messages,
    model: { provider: 'demo', model },
    params: version.params,
    timeoutMs: 10_000,
  }
}

type Grade = 'correct' | 'wrong' | 'malformed'

function grade(text: string, expected: Record<string, unknown>, fields: string[]): Grade {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'malformed'
  }
  if (typeof parsed !== 'object' || parsed === null) return 'malformed'
  const answer = parsed as Record<string, unknown>
  if (!fields.every((f) => f in answer)) return 'malformed'
  return fields.every((f) => answer[f] === expected[f]) ? 'correct' : 'wrong'
}

async function shares(model: string, versionIndex: number): Promise<Record<Grade, number>> {
  const version = prompts[0]?.versions[versionIndex]
  if (!version) throw new Error('missing demo prompt version')
  const fields = ['category', 'priority', 'sentiment', ...(versionIndex > 0 ? ['needs_human'] : [])]
  const counts: Record<Grade, number> = { correct: 0, wrong: 0, malformed: 0 }
  for (const c of dataset.cases) {
    const response = await provider.chat(requestFor(model ?? '', version, c.vars))
    counts[grade(response.text, c.expected, fields)]++
  }
  const n = dataset.cases.length
  return { correct: counts.correct / n, wrong: counts.wrong / n, malformed: counts.malformed / n }
}

describe('demo provider (simulated model)', () => {
  it('labels every model as simulated', () => {
    expect(demoModels.map((m) => m.id)).toEqual([older, newer])
    for (const m of demoModels) expect(m.label).toMatch(/\(simulated\)$/)
  })

  it('answers the same input the same way, latency and tokens included', async () => {
    const slow = createDemoProvider({ latencyScale: 0.01 })
    const version = prompts[0]?.versions[1]
    const c = dataset.cases[3]
    if (!version || !c) throw new Error('demo data missing')
    const a = await slow.chat(requestFor(newer ?? '', version, c.vars))
    const b = await slow.chat(requestFor(newer ?? '', version, c.vars))
    expect(b).toEqual(a)
    expect(a.usage.outputTokens).toBeGreaterThan(0)
    expect(a.raw).toMatchObject({ simulated: true })
  })

  it.each([0, 1, 2])(
    'hits its intended accuracy on triage prompt v%i; the newer version is worse',
    async (v) => {
      const old = await shares(older ?? '', v)
      const next = await shares(newer ?? '', v)
      expect(old.correct).toBeGreaterThanOrEqual(0.87)
      expect(old.correct).toBeLessThanOrEqual(0.93)
      expect(next.correct).toBeGreaterThanOrEqual(0.8)
      expect(next.correct).toBeLessThanOrEqual(0.87)
      expect(next.correct).toBeLessThan(old.correct)
      expect(old.malformed).toBe(0)
      expect(next.malformed).toBeGreaterThan(0)
      expect(next.malformed).toBeLessThanOrEqual(0.06)
    },
  )

  it('drafts a plain-text reply for the Reply drafter and for unknown inputs', async () => {
    const drafter = prompts[1]?.versions[1]
    const c = dataset.cases[0]
    if (!drafter || !c) throw new Error('demo data missing')
    const reply = await provider.chat(requestFor(older ?? '', drafter, { ...c.vars, agent_name: 'Sam' }))
    expect(reply.text).toContain(c.vars['subject'])
    expect(() => JSON.parse(reply.text) as unknown).toThrow()
    const unknown = requestFor(
      older ?? '',
      { messages: [{ role: 'user', content: 'hello?' }], params: {} },
      {},
    )
    const first = await provider.chat(unknown)
    expect(first.text).toMatch(/simulated/)
    expect((await provider.chat(unknown)).text).toBe(first.text)
  })

  it('refuses an unknown model id as a client error', async () => {
    const request = requestFor('gpt-4o', { messages: [{ role: 'user', content: 'hi' }], params: {} }, {})
    await expect(provider.chat(request)).rejects.toMatchObject({ kind: 'client' })
  })
})

/**
 * Issue 19 acceptance, conversations: a JSONL case with three turns, imported through the contract, runs on a
 * user's own OpenAI and Anthropic providers through the mock server and the real SDKs; the stored request and
 * the wire request both hold exactly the system prompt and those turns, variables filled.
 */
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../../shared/domain/runs'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import {
  acmeCore,
  acmeOpenai,
  claudeDirect,
  importJsonl,
  lastUserText,
  recording,
  resultRows,
} from './acme-mock'
import { settled } from './own-provider'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const system = 'You are the returns desk of Acme Outdoor. Be brief.'
const chats = [
  {
    key: 'ret-1',
    vars: { customer: 'Dana', item: 'tent' },
    messages: [
      { role: 'user', content: 'Hi, I am {{customer}}. My {{item}} pole snapped.' },
      { role: 'assistant', content: 'Sorry to hear that, {{customer}}. When did you buy it?' },
      { role: 'user', content: 'Two weeks ago. Can I return the {{item}}?' },
    ],
  },
  {
    key: 'ret-2',
    vars: { customer: 'Ravi', item: 'stove' },
    messages: [
      { role: 'user', content: 'My {{item}} leaks gas.' },
      { role: 'assistant', content: 'Please stop using it. Do you have the receipt?' },
      { role: 'user', content: 'Yes, this is {{customer}}, order 88.' },
    ],
  },
]
const version = [
  { role: 'system', content: system },
  { role: 'conversation', content: '' },
]
const filled = (text: string, vars: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '?')

describe('a JSONL conversation case on two providers through the mock', () => {
  it('sends and stores exactly [system, the three turns], variables filled, in each API shape', async () => {
    const { responder, seen } = recording((request) => `Noted: ${lastUserText(request).slice(0, 20)}`)
    const server = await startMock({ responder })
    const core = acmeCore(tempHome(), server)
    const { datasetId, cases } = await importJsonl(core, 'returns.jsonl', chats, 'Return chats')
    expect(cases.map((c) => c.conversation)).toEqual(chats.map((c) => c.messages))
    const created = await call<{ version: { id: string } }>(core, 'prompts.create', {
      name: 'Returns desk',
      messages: version,
      model: { provider: acmeOpenai, model: 'gpt-4o-mini' },
      params: { temperature: 0 },
      message: 'First version',
      allowNewVariables: true,
    })
    const models = [
      { provider: acmeOpenai, model: 'gpt-4o-mini' },
      { provider: claudeDirect, model: 'claude-3-5-haiku-latest' },
    ]
    const plan = { promptVersionIds: [created.version.id], models, datasetId, useCache: false }
    const run = await call<Run>(core, 'runs.start', { ...plan, name: 'returns' })
    const final = await settled(core, run.id)
    expect(final).toMatchObject({ status: 'completed', counts: { done: 4, errors: 0 } })
    const results = await resultRows(core, run.id)
    expect(results).toHaveLength(4)
    expect(seen).toHaveLength(4)

    for (const r of results) {
      const chat = chats.find((c) => c.key === r.caseKey)
      if (!chat) throw new Error(`no chat ${r.caseKey}`)
      const turns = chat.messages.map((m) => ({ role: m.role, content: filled(m.content, chat.vars) }))
      expect(turns.every((t) => !t.content.includes('{{'))).toBe(true)
      expect(r.request.messages).toEqual([{ role: 'system', content: system }, ...turns])
      // The editor's preview of this case shows the request exactly as it went.
      const preview = await call<{ messages: unknown[] }>(core, 'prompts.preview', {
        messages: version,
        model: { provider: r.provider, model: r.modelId },
        vars: chat.vars,
        caseKey: chat.key,
        conversation: chat.messages,
      })
      expect(preview.messages).toEqual(r.request.messages)
      expect(r.responseText).toBe(`Noted: ${turns[2]?.content.slice(0, 20)}`)

      const api = r.provider === acmeOpenai ? 'openai' : 'anthropic'
      const wire = seen.filter((s) => s.api === api && s.messages.at(-1)?.text === turns[2]?.content)
      expect(wire).toHaveLength(1)
      const sent = wire[0]
      expect(sent?.system).toBe(system)
      expect(sent?.messages.map((m) => [m.role, m.text])).toEqual(turns.map((t) => [t.role, t.content]))
      if (api === 'openai') {
        expect(sent?.body.messages).toEqual([{ role: 'system', content: system }, ...turns])
      } else {
        expect(sent?.body.system).toEqual(anthropicSystem(sent?.body.system, system))
        expect(textOfAnthropic(sent?.body.messages)).toEqual(turns.map((t) => [t.role, t.content]))
      }
    }
    core.close()
  })
})

/** Anthropic takes the system prompt as a string or as text blocks: either, holding exactly `system`. */
function anthropicSystem(sentSystem: unknown, system: string): unknown {
  return typeof sentSystem === 'string' ? system : [expect.objectContaining({ type: 'text', text: system })]
}

/** Anthropic's messages as [role, text], whether content is a string or text blocks. */
function textOfAnthropic(messages: unknown): [string, string][] {
  const list = messages as { role: string; content: string | { type: string; text?: string }[] }[]
  return list.map((m) => [
    m.role,
    typeof m.content === 'string' ? m.content : m.content.map((b) => b.text ?? `<${b.type}>`).join(''),
  ])
}

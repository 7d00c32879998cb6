import { describe, expect, it } from 'vitest'
import { previewPrompt, type PreviewPricing } from '../../../../electron/main/core/prompts/preview'
import type { PromptMessage } from '../../../../shared/domain/prompts'
import type { Preview } from '../../../../shared/domain/registry'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, promptNamed } from '../core-calls'

const newHome = useTempHomes()

const messages: PromptMessage[] = [
  { role: 'system', content: 'You triage support tickets for Fernwork. Answer with JSON.' },
  { role: 'user', content: 'Subject: {{subject}}\n\n{{body}}' },
]
const vars = { subject: 'Charged twice', body: 'We were billed two times this month & want a refund.' }
const mini = { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }
const hosted = (kind: 'openai' | 'anthropic') => ({ kind, isLocal: false, localityReason: 'hosted API' })
const openai: PreviewPricing = { overrides: [], provider: hosted('openai') }

describe('previewPrompt', () => {
  it('renders, counts tokens exactly for gpt-4o models and prices the call', async () => {
    const preview = await previewPrompt({ messages, model: mini, params: { maxTokens: 300 }, vars }, openai)
    expect(preview.messages[1]?.content).toBe(`Subject: Charged twice\n\n${vars.body}`)
    expect(preview.tokens.input).toBeGreaterThan(20)
    expect(preview.tokens).toMatchObject({ exact: true, encoding: 'o200k_base' })
    expect(preview.cost.perCallUsd).toBeGreaterThan(0)
    expect(preview.cost.perCallUsd).toBeLessThan(0.01)
    expect(preview.cost.assumedOutputTokens).toBe(300)
    expect(preview.cost.note).toMatch(/300 output tokens \(max tokens/)
  })

  it('assumes 256 output tokens when max tokens is not set, and says so', async () => {
    const preview = await previewPrompt({ messages, model: mini, params: {}, vars }, openai)
    expect(preview.cost.assumedOutputTokens).toBe(256)
    expect(preview.cost.note).toMatch(/256 output tokens \(assumed: no max tokens set\)/)
  })

  it('costs a local provider nothing, and says why', async () => {
    const local = {
      kind: 'openai-compatible' as const,
      isLocal: true,
      baseUrl: 'http://127.0.0.1:11434/v1',
      localityReason: 'loopback address',
    }
    const preview = await previewPrompt(
      { messages, model: { provider: 'ollama', model: 'llama3.1:8b' }, params: {}, vars },
      { overrides: [], provider: local },
    )
    expect(preview.cost).toMatchObject({
      perCallUsd: 0,
      note: 'Free: ollama is a local provider (loopback address)',
    })
    expect(preview.tokens.exact).toBe(false)
  })

  it('marks other vendors as approximate and gives no price for an unknown model', async () => {
    const claude = await previewPrompt(
      { messages, model: { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' }, params: {}, vars },
      { overrides: [], provider: hosted('anthropic') },
    )
    expect(claude.tokens).toMatchObject({ exact: false, encoding: expect.stringMatching(/approximation/) })
    expect(claude.cost.perCallUsd).toBeGreaterThan(0)
    const unknown = await previewPrompt(
      { messages, model: { provider: 'openai', model: 'my-finetune' }, params: {}, vars },
      openai,
    )
    expect(unknown.cost).toMatchObject({
      perCallUsd: null,
      note: expect.stringMatching(/openai\/my-finetune is not in the offline price table/),
    })
  })

  it('reports missing, unused and broken templates and counts text that looks like special tokens', async () => {
    const preview = await previewPrompt(
      {
        messages: [...messages, { role: 'assistant', content: '{{#open}} <|endoftext|>' }],
        model: mini,
        params: {},
        vars: { subject: 's', extra: 'x' },
      },
      openai,
    )
    expect(preview.missing).toEqual(['body'])
    expect(preview.unused).toEqual(['extra'])
    expect(preview.errors).toEqual([
      { messageIndex: 2, message: expect.stringMatching(/Unclosed section "open"/) },
    ])
    expect(preview.tokens.input).toBeGreaterThan(0)
  })
})

describe('prompts.preview', () => {
  it('previews a demo version filled from a dataset case', async () => {
    const core = demoCore(newHome())
    const triage = await promptNamed(core, 'Ticket triage')
    const [dataset] = await call<{ id: string }[]>(core, 'datasets.list', {})
    const page = await call<{ cases: { vars: Record<string, string> }[] }>(core, 'datasets.cases', {
      datasetId: dataset?.id,
      limit: 1,
    })
    const v1 = await call<typeof triage>(core, 'prompts.get', { id: triage.prompt.id, versionNumber: 1 })
    const preview = await call<Preview>(core, 'prompts.preview', {
      messages: v1.version.messages,
      model: v1.version.model,
      params: v1.version.params,
      vars: page.cases[0]?.vars,
    })
    expect(preview.missing).toEqual([])
    expect(preview.variables).toEqual(['customer_tier', 'channel', 'subject', 'body'])
    expect(preview.messages[1]?.content).toContain('Customer tier: enterprise')
    expect(preview.tokens.exact).toBe(true)
    expect(preview.cost.perCallUsd).toBeGreaterThan(0)
    core.close()
  })
})

describe('previewPrompt with a conversation case and tools', () => {
  const placed: PromptMessage[] = [
    { role: 'system', content: 'You route tickets for {{team}}.' },
    { role: 'conversation', content: '' },
    { role: 'user', content: 'Route the last ticket.' },
  ]
  const turns = [
    { role: 'user' as const, content: 'My {{team}} invoice is wrong' },
    { role: 'assistant' as const, content: 'Which invoice?' },
    { role: 'user' as const, content: 'March' },
  ]
  const tool = {
    name: 'route_ticket',
    description: 'Route it',
    parameters: { type: 'object', properties: { queue: { type: 'string' } } },
  }

  it('shows the case turns where the placeholder is, variables filled, exactly as sent', async () => {
    const input = {
      messages: placed,
      model: mini,
      params: {},
      vars: { team: 'Billing' },
      conversation: turns,
    }
    const preview = await previewPrompt(input, openai)
    expect(preview.messages).toEqual([
      { role: 'system', content: 'You route tickets for Billing.' },
      { role: 'user', content: 'My Billing invoice is wrong' },
      { role: 'assistant', content: 'Which invoice?' },
      { role: 'user', content: 'March' },
      { role: 'user', content: 'Route the last ticket.' },
    ])
    expect(preview.tokens.exact).toBe(true)
  })

  it('counts variables used only inside the turns: one the case does not supply shows as missing', async () => {
    const input = {
      messages: placed,
      model: mini,
      params: {},
      vars: { team: 'Billing', channel: 'email' },
      conversation: [
        { role: 'user' as const, content: 'Order {{order}} for {{team}}, ref {{case.key}}' },
        { role: 'assistant' as const, content: 'Noted {{oops' },
      ],
    }
    const preview = await previewPrompt(input, openai)
    expect(preview.variables).toEqual(['team', 'order', 'case.key'])
    expect(preview.missing).toEqual(['order', 'case.key'])
    expect(preview.unused).toEqual(['channel'])
    // A broken turn uses no variable and is sent as written.
    expect(preview.messages[2]).toEqual({ role: 'assistant', content: 'Noted {{oops' })
    const keyed = await previewPrompt(
      { ...input, caseKey: 'T-1', vars: { ...input.vars, order: '42' } },
      openai,
    )
    expect(keyed.missing).toEqual([])
    expect(keyed.messages[1]?.content).toBe('Order 42 for Billing, ref T-1')
  })

  it('drops the placeholder without a conversation, and counts tools as an approximation', async () => {
    const input = { messages: placed, model: mini, params: {}, vars: { team: 'Billing' } }
    const plain = await previewPrompt(input, openai)
    expect(plain.messages.map((m) => m.role)).toEqual(['system', 'user'])
    const withTools = await previewPrompt({ ...input, params: { tools: [tool] } }, openai)
    expect(withTools.tokens.input).toBeGreaterThan(plain.tokens.input + 10)
    expect(withTools.tokens).toMatchObject({
      exact: false,
      encoding: 'o200k_base (approximation: tool definitions counted as their JSON)',
    })
  })
})

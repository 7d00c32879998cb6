import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail, PromptVersion } from '../../../../shared/domain/prompts'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const newHome = useTempHomes()

const model = { provider: 'acme-llm', model: 'router-2025-01-15' }
const routeTicket = {
  name: 'route_ticket',
  description: 'Send the ticket to a queue',
  parameters: {
    type: 'object',
    properties: { queue: { type: 'string', enum: ['billing', 'tech'] }, priority: { type: 'integer' } },
    required: ['queue', 'priority'],
  },
}
const escalate = { name: 'escalate', description: '', parameters: { type: 'object', properties: {} } }
const system = { role: 'system', content: 'Route the support ticket.' }
const placeholder = { role: 'conversation', content: '' }

async function createRouter(core: Core, params: Record<string, unknown> = {}): Promise<PromptDetail> {
  return call<PromptDetail>(core, 'prompts.create', {
    name: 'Router',
    messages: [system, placeholder],
    model,
    params,
    message: 'first',
  })
}

function save(core: Core, base: PromptVersion, changes: Record<string, unknown>) {
  return core.dispatch('prompts.saveVersion', {
    promptId: base.promptId,
    baseVersionId: base.id,
    messages: base.messages,
    message: 'change',
    ...changes,
  })
}

describe('saving tools, tool choice, step limit and the conversation placeholder', () => {
  it('stores them, and a change to any of them is a new content hash', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const first = (await createRouter(core)).version
    expect(first.messages).toEqual([system, placeholder])
    const withTools = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: first.promptId,
      baseVersionId: first.id,
      messages: first.messages,
      params: { tools: [routeTicket], toolChoice: { name: 'route_ticket' }, maxToolSteps: 3 },
      message: 'route with a tool',
    })
    expect(withTools.params).toEqual({
      tools: [routeTicket],
      toolChoice: { name: 'route_ticket' },
      maxToolSteps: 3,
    })
    expect(withTools.contentHash).not.toBe(first.contentHash)
    const stepsOnly = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: first.promptId,
      baseVersionId: withTools.id,
      messages: first.messages,
      params: { ...withTools.params, maxToolSteps: 4 },
      message: 'one more step',
    })
    expect(stepsOnly.contentHash).not.toBe(withTools.contentHash)
    const same = await save(core, stepsOnly, { params: stepsOnly.params })
    expect(same.ok ? null : same.error.message).toMatch(/Nothing changed since v3/)
    core.close()
  })

  it('refuses two tools with one name, naming both', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const error = await failure(core, 'prompts.create', {
      name: 'Router',
      messages: [system],
      model,
      params: { tools: [routeTicket, escalate, { ...escalate, description: 'again' }] },
      message: 'first',
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('Tool 3 ("escalate") has the same name as tool 2: tool names must be unique')
    core.close()
  })

  it('refuses a tool choice naming a tool that is not defined, and a choice without tools', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const base = (await createRouter(core)).version
    const unknown = await save(core, base, {
      params: { tools: [routeTicket], toolChoice: { name: 'route_tickets' } },
    })
    expect(unknown.ok ? null : unknown.error.message).toBe(
      'Tool choice names the tool "route_tickets", which is not defined (tools: "route_ticket")',
    )
    const none = await save(core, base, { params: { toolChoice: 'required' } })
    expect(none.ok ? null : none.error.message).toMatch(
      /Tool choice is "required" but the version offers no tools/,
    )
    const steps = await save(core, base, { params: { maxToolSteps: 5 } })
    expect(steps.ok ? null : steps.error.message).toMatch(/step limit is 5 but the version offers no tools/)
    core.close()
  })

  it('refuses parameters that are not an object JSON Schema, naming the tool and the field', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const base = (await createRouter(core)).version
    const notObject = await save(core, base, {
      params: { tools: [{ ...routeTicket, parameters: { type: 'string' } }] },
    })
    expect(notObject.ok ? null : notObject.error.message).toBe(
      'Tool 1 ("route_ticket") field parameters has type "string": it must be a JSON Schema with "type": "object"',
    )
    const badSchema = await save(core, base, {
      params: {
        tools: [
          escalate,
          { ...routeTicket, parameters: { type: 'object', properties: { queue: { type: 'text' } } } },
        ],
      },
    })
    expect(badSchema.ok ? null : badSchema.error.message).toMatch(
      /^Tool 2 \("route_ticket"\) field parameters is not a valid JSON Schema: .*type/,
    )
    core.close()
  })

  it('refuses a second placeholder, text in a placeholder, and a placeholder alone', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const base = (await createRouter(core)).version
    const two = await save(core, base, { messages: [placeholder, system, placeholder] })
    expect(two.ok ? null : two.error.message).toBe(
      "Messages 1, 3 are conversation placeholders: a version has at most one (the case's turns go there)",
    )
    const text = await save(core, base, { messages: [system, { role: 'conversation', content: 'hi' }] })
    expect(text.ok ? null : text.error.message).toMatch(
      /Message 2 is the conversation placeholder but holds text/,
    )
    const alone = await save(core, base, { messages: [placeholder] })
    expect(alone.ok ? null : alone.error.message).toBe(
      'A prompt version needs at least one message besides the conversation placeholder',
    )
    const versions = await call<PromptDetail>(core, 'prompts.get', { id: base.promptId })
    expect(versions.versions).toHaveLength(1)
    core.close()
  })

  it('exports and re-imports a version with tools and a placeholder unchanged', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const params = { tools: [routeTicket, escalate], toolChoice: 'required', maxToolSteps: 2 }
    const created = (await createRouter(core, params)).version
    const file = await call<{ fileName: string; content: string }>(core, 'prompts.exportVersion', {
      promptId: created.promptId,
      versionNumber: 1,
    })
    expect(JSON.parse(file.content).version.params).toEqual(params)
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      fileName: file.fileName,
      content: file.content,
      target: { kind: 'new', name: 'Router copy' },
    })
    expect(imported.version.messages).toEqual([system, placeholder])
    expect(imported.version.params).toEqual(params)
    expect(imported.version.contentHash).toBe(created.contentHash)
    core.close()
  })

  it('refuses an imported promptfoo chat with two placeholders, naming the problem', async () => {
    const core = demoCore(newHome(), { seedDemo: false })
    const error = await failure(core, 'prompts.import', {
      fileName: 'chat.json',
      content: JSON.stringify([system, placeholder, { role: 'user', content: 'Hi' }, placeholder]),
      target: { kind: 'new', name: 'Chat', model },
    })
    expect(error.message).toMatch(/Messages 2, 4 are conversation placeholders/)
    core.close()
  })
})

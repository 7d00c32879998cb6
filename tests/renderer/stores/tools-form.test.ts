import { describe, expect, it } from 'vitest'
import * as drafts from '../../../renderer/src/stores/prompts/draft'
import {
  emptyParamsForm,
  paramsFromForm,
  paramsToForm,
} from '../../../renderer/src/stores/prompts/params-form'
import { parseTools } from '../../../renderer/src/stores/prompts/tools-form'

const tool = { name: 'lookup', description: 'Find an order', parameters: { type: 'object' } }
const draft = (messages: drafts.Draft['messages']): drafts.Draft => ({
  messages,
  model: { provider: 'acme', model: 'm-1' },
  params: emptyParamsForm,
})

describe('parseTools', () => {
  it('reads an empty text as no tools and an empty array as exactly that', () => {
    expect(parseTools('  ')).toEqual({ tools: undefined, problems: [] })
    expect(parseTools('[]')).toEqual({ tools: [], problems: [] })
  })

  it('names duplicate tools and refuses a non-array', () => {
    expect(parseTools(JSON.stringify([tool, tool])).problems).toEqual([
      'Tool 2 ("lookup") has the same name as tool 1',
    ])
    expect(parseTools(JSON.stringify(tool)).problems[0]).toMatch(/^Tools must be a JSON array/)
  })
})

describe('tool params round trip', () => {
  it('turns params into the form and back unchanged', () => {
    const params = { temperature: 0, tools: [tool], toolChoice: { name: 'lookup' }, maxToolSteps: 4 }
    expect(paramsFromForm(paramsToForm(params))).toEqual({ params, errors: {} })
    const required = { tools: [tool], toolChoice: 'required' as const }
    expect(paramsFromForm(paramsToForm(required)).params).toEqual(required)
  })

  it('refuses a tool choice or a step limit above 1 without tools', () => {
    const { errors } = paramsFromForm({ ...emptyParamsForm, toolChoice: 'auto', maxToolSteps: '3' })
    expect(errors).toEqual({
      toolChoice: 'Add a tool first, or leave it unset',
      maxToolSteps: 'Add a tool first: without tools there is one call',
    })
  })
})

describe('placeholder in a draft', () => {
  it('goes after the leading system messages, once, and never takes text or a role', () => {
    const d = drafts.addPlaceholder(
      draft([
        { role: 'system', content: 'a' },
        { role: 'system', content: 'b' },
        { role: 'user', content: 'c' },
      ]),
    )
    expect(d.messages.map((m) => m.role)).toEqual(['system', 'system', 'conversation', 'user'])
    expect(drafts.addPlaceholder(d)).toBe(d)
    expect(drafts.setContent(d, 2, 'x')).toBe(d)
    expect(drafts.setRole(d, 2, 'user')).toBe(d)
  })

  it('keeps the last message with text, but the placeholder can always go', () => {
    const d = draft([
      { role: 'conversation', content: '' },
      { role: 'user', content: 'c' },
    ])
    expect(drafts.removeMessage(d, 1)).toBe(d)
    expect(drafts.removeMessage(d, 0).messages).toEqual([{ role: 'user', content: 'c' }])
  })
})

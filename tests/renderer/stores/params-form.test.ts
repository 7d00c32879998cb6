import { describe, expect, it } from 'vitest'
import * as drafts from '../../../renderer/src/stores/prompts/draft'
import { paramsFromForm, paramsToForm } from '../../../renderer/src/stores/prompts/params-form'
import { buildSaveInput } from '../../../renderer/src/stores/prompts/save-input'
import { version } from '../fixtures/fake-core'

describe('params form', () => {
  it('round-trips params through the form', () => {
    const params = {
      temperature: 0,
      maxTokens: 300,
      seed: 7,
      responseFormat: { type: 'json_schema' as const, name: 'triage', schema: { type: 'object' } },
    }
    expect(paramsFromForm(paramsToForm(params))).toEqual({ params, errors: {} })
  })

  it('says which field is wrong, and validates the JSON schema as JSON', () => {
    const form = {
      ...paramsToForm({}),
      temperature: '3',
      maxTokens: '1.5',
      topP: 'x',
      format: 'json_schema' as const,
      schemaName: '',
      schemaText: '{ "type": ',
    }
    const { errors } = paramsFromForm(form)
    expect(errors.temperature).toBe('At most 2')
    expect(errors.maxTokens).toBe('Enter a whole number')
    expect(errors.topP).toBe('Enter a number')
    expect(errors.schemaName).toMatch(/Name the schema/)
    expect(errors.schemaText).toMatch(/^Not valid JSON/)
    expect(paramsFromForm({ ...form, schemaText: '[1]' }).errors.schemaText).toMatch(/JSON object/)
  })
})

describe('draft', () => {
  const base = version('p', 2, 'Hi {{name}}')

  it('adds, removes, reorders messages and changes roles', () => {
    let d = drafts.draftFromVersion(base)
    d = drafts.addMessage(d, 'assistant')
    d = drafts.moveMessage(d, 2, -1)
    d = drafts.setRole(d, 0, 'user')
    expect(d.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    d = drafts.removeMessage(d, 1)
    expect(d.messages).toHaveLength(2)
    expect(drafts.moveMessage(d, 0, -1)).toBe(d)
    expect(drafts.removeMessage({ ...d, messages: [d.messages[0]!] }, 0).messages).toHaveLength(1)
  })

  it('is not dirty when edits are typed back, and sends model and params only when changed', () => {
    const d = drafts.draftFromVersion(base)
    expect(drafts.draftDiffers(drafts.setContent(d, 1, 'Hi {{name}}'), base)).toBe(false)
    const edited = { ...drafts.setContent(d, 1, 'Hello {{name}}') }
    const plain = buildSaveInput(base, edited, 'msg', false)
    expect(plain).toEqual({
      input: { promptId: 'p', baseVersionId: 'p-v2', messages: edited.messages, message: 'msg' },
    })
    const withModel = buildSaveInput(
      base,
      {
        ...edited,
        model: { provider: 'openai', model: ' gpt-4o-2024-11-20 ' },
        params: { ...d.params, seed: '4' },
      },
      'msg',
      true,
    )
    expect(withModel).toMatchObject({
      input: {
        model: { provider: 'openai', model: 'gpt-4o-2024-11-20' },
        params: { temperature: 0.2, maxTokens: 512, seed: 4 },
        allowNewVariables: true,
      },
    })
    expect(buildSaveInput(base, { ...edited, params: { ...d.params, seed: 'x' } }, 'msg', false)).toEqual({
      problem: 'Fix the model parameters first (seed).',
    })
  })
})

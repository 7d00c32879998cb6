import { describe, expect, it } from 'vitest'
import type { PromptDetail, PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import { openCore, type Core } from '../../../../electron/main/core'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoCore as demoWorkspace } from '../core-calls'

const newHome = useTempHomes()

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

function demoCore(): Core {
  return demoWorkspace(newHome())
}

describe('prompts API over the demo workspace', () => {
  it('lists the seeded prompts with their latest versions', async () => {
    const core = demoCore()
    const list = await call<PromptSummary[]>(core, 'prompts.list', {})
    expect(list.map((p) => p.name)).toEqual(['Reply drafter', 'Ticket triage', 'Triage router'])
    const triage = list.find((p) => p.name === 'Ticket triage')
    expect(triage?.versionCount).toBe(5)
    expect(triage?.latest?.number).toBe(5)
    core.close()
  })

  it('saving an edit creates a new immutable version with a new hash and an audit entry', async () => {
    const core = demoCore()
    const [first] = await call<PromptSummary[]>(core, 'prompts.list', {})
    const detail = await call<PromptDetail>(core, 'prompts.get', { id: first?.id })
    const messages = detail.version.messages.map((m, i) =>
      i === 0 ? { ...m, content: `${m.content}\nBe brief.` } : m,
    )
    const saved = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: detail.prompt.id,
      baseVersionId: detail.version.id,
      messages,
      message: 'Ask for brevity',
    })
    expect(saved.number).toBe(detail.version.number + 1)
    expect(saved.author).toBe('tester')
    expect(saved.contentHash).not.toBe(detail.version.contentHash)
    const old = await call<PromptDetail>(core, 'prompts.get', {
      id: detail.prompt.id,
      versionNumber: detail.version.number,
    })
    expect(old.version).toEqual(detail.version)
    const latest = await call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id })
    expect(latest.version.messages[0]?.content).toContain('Be brief.')
    expect(latest.versions.map((v) => v.number)).toEqual([
      saved.number,
      ...detail.versions.map((v) => v.number),
    ])
    core.close()
  })

  it('refuses a save based on a stale version, an unchanged save, and an empty message', async () => {
    const core = demoCore()
    const [first] = await call<PromptSummary[]>(core, 'prompts.list', {})
    const detail = await call<PromptDetail>(core, 'prompts.get', { id: first?.id })
    const base = { promptId: detail.prompt.id, message: 'edit' }
    const unchanged = await core.dispatch('prompts.saveVersion', {
      ...base,
      baseVersionId: detail.version.id,
      messages: detail.version.messages,
    })
    expect(!unchanged.ok && unchanged.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Nothing changed/),
    })
    const stale = detail.versions[1]?.id ?? ''
    const conflict = await core.dispatch('prompts.saveVersion', {
      ...base,
      baseVersionId: stale,
      messages: [{ role: 'user', content: 'changed' }],
    })
    expect(!conflict.ok && conflict.error.code).toBe('CONFLICT')
    const empty = await core.dispatch('prompts.saveVersion', {
      ...base,
      baseVersionId: detail.version.id,
      messages: [{ role: 'system', content: '  ' }],
    })
    expect(!empty.ok && empty.error.message).toBe('Message 1 (system) is empty')
    const after = await call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id })
    expect(after.versions).toHaveLength(detail.versions.length)
    core.close()
  })

  it('answers NOT_FOUND for a missing prompt or version', async () => {
    const core = demoCore()
    expect(await core.dispatch('prompts.get', { id: 'prm_missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const [first] = await call<PromptSummary[]>(core, 'prompts.list', {})
    const missing = await core.dispatch('prompts.get', { id: first?.id, versionNumber: 99 })
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND')
    core.close()
  })
})

describe('demo seed', () => {
  it('seeds the dataset and rubric only into a new workspace', async () => {
    const home = newHome()
    const core = openCore({ home })
    const datasets = await call<{ caseCount: number; tagCounts: Record<string, number> }[]>(
      core,
      'datasets.list',
      {},
    )
    // The triage golden set and the routing agent's chats.
    expect(datasets).toHaveLength(2)
    expect(datasets[0]?.caseCount).toBeGreaterThanOrEqual(120)
    expect(Object.keys(datasets[0]?.tagCounts ?? {}).some((t) => t.startsWith('segment:'))).toBe(true)
    core.close()
    const reopened = openCore({ home })
    expect(await call<unknown[]>(reopened, 'datasets.list', {})).toHaveLength(2)
    reopened.close()
  })
})

const gpt = { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }
const newPrompt = {
  name: 'Escalation summary',
  description: 'Summarises a ticket for the on-call engineer',
  messages: [
    { role: 'system', content: 'Summarise the ticket in three bullet points.' },
    { role: 'user', content: '{{subject}}\n\n{{body}}' },
  ],
  model: gpt,
  message: 'First version',
}

describe('prompts.create', () => {
  it('creates a prompt with its first version, owned by the user unless told otherwise', async () => {
    const core = demoCore()
    const detail = await call<PromptDetail>(core, 'prompts.create', newPrompt)
    expect(detail.prompt).toMatchObject({
      name: 'Escalation summary',
      owner: 'tester',
      versionCount: 1,
      environments: { staging: null, prod: null },
    })
    expect(detail.version).toMatchObject({
      number: 1,
      author: 'tester',
      message: 'First version',
      params: {},
    })
    expect(detail.environments).toEqual([])
    const history = await call<{ action: string }[]>(core, 'prompts.history', { promptId: detail.prompt.id })
    expect(history.map((h) => h.action)).toEqual(['version.created', 'prompt.created'])
    const owned = await call<PromptDetail>(core, 'prompts.create', {
      ...newPrompt,
      name: 'Other',
      owner: 'Ops',
    })
    expect(owned.prompt.owner).toBe('Ops')
    core.close()
  })

  it('refuses a duplicate name whatever its case, and stores nothing', async () => {
    const core = demoCore()
    const error = await core.dispatch('prompts.create', { ...newPrompt, name: '  ticket TRIAGE ' })
    expect(!error.ok && error.error).toMatchObject({
      code: 'CONFLICT',
      message: 'A prompt named "Ticket triage" already exists: choose another name',
    })
    expect(await call<PromptSummary[]>(core, 'prompts.list', {})).toHaveLength(3)
    core.close()
  })

  it('refuses broken template syntax naming the message, its role and the position', async () => {
    const core = demoCore()
    const broken = await core.dispatch('prompts.create', {
      ...newPrompt,
      messages: [newPrompt.messages[0], { role: 'user', content: 'Subject: {{subject}\n{{body}}' }],
    })
    expect(!broken.ok && broken.error.message).toMatch(
      /^Template error in message 2 \(user\): Tag name .* is a "\}" missing\? at 9 \(line 1, column 10\)$/,
    )
    expect(await call<PromptSummary[]>(core, 'prompts.list', {})).toHaveLength(3)
    core.close()
  })
})

describe('unknown variables', () => {
  it('refuses a variable no earlier version uses and no dataset provides, unless allowed', async () => {
    const core = demoCore()
    const triage = (await call<PromptSummary[]>(core, 'prompts.list', {})).find(
      (p) => p.name === 'Ticket triage',
    )
    const detail = await call<PromptDetail>(core, 'prompts.get', { id: triage?.id })
    const edit = {
      promptId: detail.prompt.id,
      baseVersionId: detail.version.id,
      messages: [detail.version.messages[0], { role: 'user', content: 'Subject: {{subjet}}\n{{body}}' }],
      message: 'Shorter user message',
    }
    const refused = await core.dispatch('prompts.saveVersion', edit)
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^Unknown variable \{\{subjet\}\} in message 2 \(user\): no earlier version uses it and no dataset provides it/,
      ),
      details: { unknownVariables: [{ name: 'subjet', messageIndex: 1, role: 'user' }] },
    })
    expect((await call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id })).versions).toHaveLength(5)
    const saved = await call<PromptVersion>(core, 'prompts.saveVersion', { ...edit, allowNewVariables: true })
    expect(saved.number).toBe(6)
    core.close()
  })

  it('accepts variables an earlier version of the prompt used, even if no dataset provides them', async () => {
    const core = demoCore()
    const drafter = (await call<PromptSummary[]>(core, 'prompts.list', {})).find(
      (p) => p.name === 'Reply drafter',
    )
    const detail = await call<PromptDetail>(core, 'prompts.get', { id: drafter?.id })
    const saved = await call<PromptVersion>(core, 'prompts.saveVersion', {
      promptId: detail.prompt.id,
      baseVersionId: detail.version.id,
      messages: [{ role: 'user', content: 'Reply as {{agent_name}} to a {{category}} ticket: {{body}}' }],
      message: 'One message',
    })
    expect(saved.number).toBe(3)
    const created = await core.dispatch('prompts.create', {
      ...newPrompt,
      messages: [{ role: 'user', content: 'Reply as {{agent_name}}: {{body}}' }],
    })
    expect(!created.ok && created.error.message).toMatch(
      /Unknown variable \{\{agent_name\}\} in message 1 \(user\)/,
    )
    const allowed = await core.dispatch('prompts.create', {
      ...newPrompt,
      messages: [{ role: 'user', content: 'Reply as {{agent_name}}: {{body}}' }],
      allowNewVariables: true,
    })
    expect(allowed.ok).toBe(true)
    core.close()
  })
})

describe('prompts.updateDetails', () => {
  it('changes description and owner, records it, and ignores a repeat', async () => {
    const core = demoCore()
    const [first] = await call<PromptSummary[]>(core, 'prompts.list', {})
    const updated = await call<PromptSummary>(core, 'prompts.updateDetails', {
      promptId: first?.id,
      owner: 'Lena Vogel',
      description: 'New description',
    })
    expect(updated).toMatchObject({ owner: 'Lena Vogel', description: 'New description' })
    await call(core, 'prompts.updateDetails', { promptId: first?.id, owner: 'Lena Vogel' })
    const history = await call<{ action: string; text: string }[]>(core, 'prompts.history', {
      promptId: first?.id,
    })
    expect(history.filter((h) => h.action === 'prompt.updated')).toEqual([
      expect.objectContaining({
        text: 'Changed description and owner from "Priya Shah (Support Ops)" to "Lena Vogel"',
      }),
    ])
    const empty = await core.dispatch('prompts.updateDetails', { promptId: first?.id, owner: '  ' })
    expect(!empty.ok && empty.error.message).toBe('A prompt needs an owner')
    core.close()
  })
})

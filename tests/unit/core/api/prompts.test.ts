import { describe, expect, it } from 'vitest'
import type { PromptDetail, PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import { openCore, type Core } from '../../../../electron/main/core'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'

const newHome = useTempHomes()

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

function demoCore(): Core {
  return openCore({ home: newHome(), user: 'tester', now: fixedClock() })
}

describe('prompts API over the demo workspace', () => {
  it('lists the seeded prompts with their latest versions', async () => {
    const core = demoCore()
    const list = await call<PromptSummary[]>(core, 'prompts.list', {})
    expect(list.map((p) => p.name)).toEqual(['Reply drafter', 'Ticket triage'])
    const triage = list.find((p) => p.name === 'Ticket triage')
    expect(triage?.versionCount).toBe(3)
    expect(triage?.latest?.number).toBe(3)
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
    expect(datasets).toHaveLength(1)
    expect(datasets[0]?.caseCount).toBeGreaterThanOrEqual(120)
    expect(Object.keys(datasets[0]?.tagCounts ?? {}).some((t) => t.startsWith('segment:'))).toBe(true)
    core.close()
    const reopened = openCore({ home })
    expect(await call<unknown[]>(reopened, 'datasets.list', {})).toHaveLength(1)
    reopened.close()
  })
})

import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type {
  ProductionImport,
  ProductionPreview,
  ProductionSettings,
} from '../../../../shared/domain/production'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'
import { everyTable, fixture } from './helpers'

const tempHome = useTempHomes()

async function refusedPrompt(home: string, core: Core, fileName: string, content = fixture(fileName)) {
  const before = everyTable(home)
  const error = await failure(core, 'prompts.import', {
    fileName,
    content,
    target: { kind: 'new', name: `From ${fileName}` },
  })
  expect(everyTable(home)).toEqual(before)
  return error
}

async function triageId(core: Core): Promise<string> {
  return (await promptNamed(core, 'Ticket triage')).prompt.id
}

async function refusedLog(home: string, core: Core, fileName: string) {
  const promptId = await triageId(core)
  const before = everyTable(home)
  const input = { promptId, fileName, content: fixture(fileName) }
  const preview = await failure(core, 'production.preview', input)
  const error = await failure(core, 'production.import', input)
  expect(preview.message).toBe(error.message)
  expect(everyTable(home)).toEqual(before)
  return error
}

describe('prompts.import reads JSON exactly', { timeout: 60_000 }, () => {
  it('refuses a key given twice, nesting past the limit and a number a double cannot hold', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const dup = await refusedPrompt(home, core, 'prompt-duplicate-key.json')
    expect(dup.message).toBe(
      '"prompt-duplicate-key.json" is refused (line 2, column 45): the key "content" appears twice in one ' +
        'object with different values',
    )
    const deep = await refusedPrompt(home, core, 'prompt-deep.json')
    expect(deep.code).toBe('LIMIT_EXCEEDED')
    expect(deep.message).toMatch(
      /^"prompt-deep\.json" is refused \(line 1, column 65\): the value nests deeper/,
    )
    const big = await refusedPrompt(home, core, 'prompt-big-number.json')
    expect(big.message).toContain('holds the number 1e400, which a double cannot hold exactly')
    core.close()
  })

  it('imports a 1 MiB prompt and refuses one over the value limit naming the message and the limit', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const mib = 'Ω'.repeat(512 * 1024)
    const chat = JSON.stringify([
      { role: 'system', content: mib },
      { role: 'user', content: '{{q}}' },
    ])
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      fileName: 'mib.json',
      content: chat,
      target: { kind: 'new', name: 'Big prompt', model: { provider: 'acme-gateway', model: 'acme-large' } },
      allowNewVariables: true,
    })
    expect(imported.version.messages[0]?.content).toBe(mib)
    const tooLong = 'x'.repeat(4 * 1024 * 1024 + 1)
    const error = await refusedPrompt(home, core, 'huge.txt', tooLong)
    expect(error.code).toBe('LIMIT_EXCEEDED')
    expect(error.message).toBe('"huge.txt" message 1 is 4,194,305 characters long; the limit is 4,194,304')
    core.close()
  })
})

describe('production.preview and production.import read JSON exactly', { timeout: 60_000 }, () => {
  it('keeps call ids a double cannot hold as their text, so they do not collide', async () => {
    const core = demoCore(tempHome())
    const promptId = await triageId(core)
    const input = { promptId, fileName: 'prod-big-ids.jsonl', content: fixture('prod-big-ids.jsonl') }
    const preview = await call<ProductionPreview>(core, 'production.preview', input)
    expect(preview.total).toBe(2)
    expect(preview.sample.map((c) => c.externalId)).toEqual(['12345678901234567890', '12345678901234567891'])
    core.close()
  })

  it('keeps __proto__, constructor and prototype variables with their values', async () => {
    const core = demoCore(tempHome())
    const promptId = await triageId(core)
    const input = { promptId, fileName: 'prod-proto.jsonl', content: fixture('prod-proto.jsonl') }
    const preview = await call<ProductionPreview>(core, 'production.preview', input)
    const vars = preview.sample[0]?.vars ?? {}
    expect(Object.entries(vars).sort()).toEqual([
      ['__proto__', 'pv'],
      ['constructor', 'cv'],
      ['prototype', 'tv'],
    ])
    await call<ProductionSettings>(core, 'production.saveSettings', {
      promptId,
      sampleRate: 1,
      seed: 1,
      thresholds: [],
    })
    const imported = await call<ProductionImport>(core, 'production.import', input)
    expect(imported.sampled).toBe(1)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    core.close()
  })

  it('refuses a duplicated key, a deep value and an inexact number, naming line and field', async () => {
    const home = tempHome()
    const core = demoCore(home)
    const dup = await refusedLog(home, core, 'prod-duplicate-key.jsonl')
    expect(dup.message).toMatch(
      /^prod-duplicate-key\.jsonl: line 2, column \d+: the key "latency_ms" appears twice in one object/,
    )
    const deep = await refusedLog(home, core, 'prod-deep.jsonl')
    expect(deep.code).toBe('LIMIT_EXCEEDED')
    expect(deep.message).toMatch(
      /^prod-deep\.jsonl: line 1, column \d+: the value nests deeper than the limit of 64/,
    )
    const tokens = await refusedLog(home, core, 'prod-inexact-tokens.jsonl')
    expect(tokens.message).toContain(
      'prod-inexact-tokens.jsonl: line 1: response.usage.prompt_tokens: "12345678901234567890" is a number a double cannot hold exactly',
    )
    core.close()
  })
})

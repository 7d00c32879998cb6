import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PromptSummary } from '../../../../shared/domain/prompts'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const fixtures = join(import.meta.dirname, '../../../fixtures/prompts')
const newHome = useTempHomes()
const target = { kind: 'new', name: 'Broken', model: { provider: 'acme-llm', model: 'acme-7b' } }

describe('prompts.import names the line and column where the broken tag starts', () => {
  it.each([
    // {{#vip}} on line 3 is closed by {{/vip}} only after {{^urgent}} opened: the unclosed one is urgent.
    ['broken-section.md', 'Unclosed section "urgent"', 'line 5, column 1'],
    // The library gives up at the end of the file; the tag that is never closed starts on line 4.
    ['unclosed-tag.txt', 'Unclosed tag', 'line 4, column 9'],
  ])('%s', async (fileName, what, where) => {
    const core = demoCore(newHome())
    const before = await call<PromptSummary[]>(core, 'prompts.list', {})
    const content = readFileSync(join(fixtures, fileName), 'utf8')
    const error = await failure(core, 'prompts.import', { fileName, content, target })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(`"${fileName}": Template error in message 1 (user): ${what}`)
    expect(error.message).toContain(`(${where})`)
    expect(await call<PromptSummary[]>(core, 'prompts.list', {})).toEqual(before)
    core.close()
  })
})

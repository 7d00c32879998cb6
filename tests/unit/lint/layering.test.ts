import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { badCases, goodCases, type LayeringCase } from '../../fixtures/lint/layering-cases'

const root = resolve(import.meta.dirname, '../../..')
const layeringRules = new Set(['no-restricted-imports', 'no-restricted-syntax'])

/**
 * The repo's own eslint.config.js, with type-aware linting switched off: the fixtures sit at virtual paths
 * no tsconfig holds, and every layering rule is syntactic (it reads the import string and the file's path).
 */
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function layeringMessages(c: LayeringCase): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(c.code, { filePath: resolve(root, c.filePath), warnIgnored: true })
  if (!result) throw new Error(`ESLint returned no result for ${c.filePath}`)
  const fatal = result.messages.filter((m) => m.fatal === true || m.ruleId === null)
  expect(fatal, `${c.filePath} must parse and not be ignored`).toEqual([])
  return result.messages
    .filter((m) => m.ruleId !== null && layeringRules.has(m.ruleId))
    .map((m) => ({ ruleId: m.ruleId, message: m.message }))
}

describe('the layering lint (eslint.config.js)', { timeout: 60_000 }, () => {
  it.each(badCases)('fails on $name', async (c) => {
    const messages = await layeringMessages(c)
    expect(messages.map((m) => m.ruleId)).toContain(c.rule)
  })

  it.each(goodCases)('passes $name', async (c) => {
    expect(await layeringMessages(c)).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { EvalSuite, Scorer } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const tempHome = useTempHomes()

async function ownPrompt(): Promise<{ core: Core; promptId: string }> {
  const core = demoCore(tempHome(), { seedDemo: false })
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Invoice reader',
    messages: [{ role: 'user', content: 'Read this invoice: {{invoice}}' }],
    model: { provider: 'ledger-llm', model: 'ledger-7b' },
    message: 'First version',
    allowNewVariables: true,
  })
  return { core, promptId: prompt.prompt.id }
}

const scorer = (metric: string, rule: Record<string, unknown>): Scorer =>
  ({ metric, label: metric, config: { kind: 'rule', rule } }) as Scorer

/** Issue 20's output rules, each set up as a user would: against a field of the cases or a literal. */
const goodScorers: Scorer[] = [
  scorer('rule.no_apology', { op: 'not_contains', value: 'sorry' }),
  scorer('rule.greeting', { op: 'starts_with', expectedField: 'greeting' }),
  scorer('rule.sign_off', { op: 'ends_with', value: 'Ledger team' }),
  scorer('rule.currency', { op: 'one_of', path: 'currency', values: ['EUR', 'USD'] }),
  scorer('rule.vendor', { op: 'one_of', path: 'vendor', expectedField: 'vendors' }),
  scorer('rule.total', { op: 'numeric_close', path: 'total', expectedField: 'total', tolerance: 0.01 }),
  scorer('rule.summary', { op: 'similarity', path: 'summary', measure: 'bleu', expectedField: 'summary' }),
  scorer('rule.iban', { op: 'json_field', path: 'payment.iban', present: true }),
]

describe('suite checks for the output rules', () => {
  it('saves each op and round-trips it through a suite file unchanged, defaults filled in', async () => {
    const { core, promptId } = await ownPrompt()
    const saved = await call<EvalSuite>(core, 'suites.save', {
      promptId,
      suite: { scorers: goodScorers, gates: [{ kind: 'min_score', metric: 'rule.total', min: 0.95 }] },
      message: 'Invoice checks',
    })
    expect(saved.scorers[6]?.config).toEqual({
      kind: 'rule',
      rule: {
        op: 'similarity',
        path: 'summary',
        measure: 'bleu',
        expectedField: 'summary',
        min: 0.8,
      },
    })
    const file = await call<{ content: string }>(core, 'suites.export', { promptId })
    const edited = file.content.replace('"tolerance": 0.01', '"tolerance": 0.02')
    const imported = await call<EvalSuite>(core, 'suites.import', { promptId, content: edited })
    expect(imported.version).toBe(2)
    expect(imported.scorers[5]?.config).toMatchObject({ rule: { op: 'numeric_close', tolerance: 0.02 } })
    expect(imported.scorers.map((s) => s.config)).toEqual(
      saved.scorers.map((s, i) => (i === 5 ? imported.scorers[5]?.config : s.config)),
    )
    core.close()
  })

  it('refuses a rule that could never judge a case, naming the field', async () => {
    const { core, promptId } = await ownPrompt()
    const refuse = async (rule: Record<string, unknown>) =>
      (
        await failure(core, 'suites.save', {
          promptId,
          suite: { scorers: [scorer('rule.x', rule)], gates: [] },
          message: 'bad',
        })
      ).message
    expect(await refuse({ op: 'similarity', measure: 'rouge_l' })).toBe(
      'Invalid field "scorers.0.config.rule.expectedField": name an expected field of the cases, or give a value',
    )
    expect(await refuse({ op: 'not_contains', value: '  ' })).toBe(
      'Invalid field "scorers.0.config.rule.value": the value is empty, so every output would match it',
    )
    expect(await refuse({ op: 'starts_with', expectedField: ' ' })).toBe(
      'Invalid field "scorers.0.config.rule.expectedField": the expected field name is empty',
    )
    expect(await refuse({ op: 'ends_with' })).toMatch(/^Invalid field "scorers.0.config.rule.expectedField"/)
    expect(await refuse({ op: 'one_of' })).toBe(
      'Invalid field "scorers.0.config.rule.expectedField": name an expected field of the cases, or list the allowed values',
    )
    expect(await refuse({ op: 'one_of', values: ['EUR', ''] })).toBe(
      'Invalid field "scorers.0.config.rule.values.1": an allowed value is empty',
    )
    expect(await refuse({ op: 'numeric_close', tolerance: 1 })).toMatch(
      /^Invalid field "scorers.0.config.rule.expectedField"/,
    )
    expect(await refuse({ op: 'numeric_close', value: 0, tolerance: 0.1, relative: true })).toBe(
      'Invalid field "scorers.0.config.rule.relative": a relative tolerance of 0 allows no difference at all: use an absolute one',
    )
    expect(await refuse({ op: 'json_field', path: 'payment..iban', present: true })).toBe(
      'Invalid field "scorers.0.config.rule.path": a dot path has an empty step (e.g. "a..b" or a trailing dot)',
    )
    core.close()
  })

  it('refuses the same rule arriving in a suite file', async () => {
    const { core, promptId } = await ownPrompt()
    const content = JSON.stringify({
      scorers: [scorer('rule.summary', { op: 'similarity', measure: 'levenshtein', min: 0.9 })],
      gates: [],
    })
    const error = await failure(core, 'suites.import', { promptId, content })
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { path: 'scorers.0.config.rule.expectedField' },
    })
    core.close()
  })
})

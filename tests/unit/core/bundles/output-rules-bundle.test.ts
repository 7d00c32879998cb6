import { beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, type BundleFiles } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoWithBaseline, openContext, rowCounts } from './import-helpers'

const newHome = useTempHomes()
let files: BundleFiles

beforeAll(async () => {
  const home = newHome()
  const promptId = await demoWithBaseline(home)
  const { ctx, close } = openContext(home)
  files = buildBundle(ctx, promptId).files
  close()
}, 60_000)

/** gates.json with more rule scorers after the exported ones. */
function withRules(rules: Record<string, unknown>[]): BundleFiles {
  const gates = JSON.parse(files.get(bundlePaths.gates) ?? '') as { scorers: unknown[] }
  rules.forEach((rule, i) =>
    gates.scorers.push({ metric: `rule.extra_${i}`, label: `Extra ${i}`, config: { kind: 'rule', rule } }),
  )
  return new Map(files).set(bundlePaths.gates, JSON.stringify(gates))
}

describe('gates.json with output rules, imported', () => {
  it('brings every op in as written', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const rules = [
      { op: 'not_contains', value: 'as an AI' },
      { op: 'starts_with', path: 'category', value: 'b' },
      { op: 'ends_with', path: 'category', expectedField: 'category' },
      { op: 'one_of', path: 'priority', values: ['p1', 'p2', 'p3', 'p4'] },
      { op: 'numeric_close', path: 'score', value: 0.5, tolerance: 0.5 },
      { op: 'similarity', path: 'category', measure: 'bleu', expectedField: 'category', min: 0.9 },
      { op: 'json_field', path: 'needs_human', present: true },
    ]
    const imported = await importBundle(ctx, withRules(rules))
    const suite = ctx.repos.evalSuites.latest(imported.promptId)
    const extra = suite?.scorers.filter((s) => s.metric.startsWith('rule.extra_'))
    expect(extra?.map((s) => (s.config.kind === 'rule' ? s.config.rule.op : null))).toEqual(
      rules.map((r) => r.op),
    )
    close()
  })

  it('refuses a rule the app would refuse on save, naming gates.json and the field, writing nothing', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const before = rowCounts(ctx)
    const bad = withRules([{ op: 'similarity', path: 'category', measure: 'rouge_l', min: 0.5 }])
    await expect(importBundle(ctx, bad)).rejects.toThrow(
      /^gates\.json: Invalid field "scorers\.\d+\.config\.rule\.expectedField": name an expected field/,
    )
    expect(rowCounts(ctx)).toEqual(before)
    close()
  })
})

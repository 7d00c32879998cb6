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

/** gates.json with code scorers after the exported ones, as a teammate might hand-edit it. */
function withCode(sources: Record<string, string>): BundleFiles {
  const gates = JSON.parse(files.get(bundlePaths.gates) ?? '') as { scorers: unknown[] }
  for (const [metric, source] of Object.entries(sources)) {
    gates.scorers.push({
      metric,
      label: metric,
      config: { kind: 'code', source, timeLimitMs: 250, memoryLimitMb: 16 },
    })
  }
  return new Map(files).set(bundlePaths.gates, JSON.stringify(gates))
}

const goodSource = `(output, { expected }) => ({ pass: output.includes(expected.category ?? ''), reason: 'ok' })`

describe('gates.json with code scorers, imported', () => {
  it('brings a code scorer that compiles in as written', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const imported = await importBundle(ctx, withCode({ 'code.has_category': goodSource }))
    const scorer = ctx.repos.evalSuites
      .latest(imported.promptId)
      ?.scorers.find((s) => s.metric === 'code.has_category')
    expect(scorer?.config).toEqual({ kind: 'code', source: goodSource, timeLimitMs: 250, memoryLimitMb: 16 })
    close()
  })

  it('refuses a code scorer that does not compile, naming gates.json, the scorer and the line, writing nothing', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const before = rowCounts(ctx)
    const bad = withCode({
      'code.fine': goodSource,
      'code.typo': '(output) => {\n  const x = ;\n  return true\n}',
    })
    const index = (JSON.parse(bad.get(bundlePaths.gates) ?? '') as { scorers: unknown[] }).scorers.length - 1
    await expect(importBundle(ctx, bad)).rejects.toThrow(
      new RegExp(
        `^gates\\.json: code scorer "code\\.typo" \\(scorers\\.${index}\\.config\\.source\\) does not compile: .*line 2`,
      ),
    )
    expect(rowCounts(ctx)).toEqual(before)
    close()
  })

  it('refuses a source that is not a function, and still writes nothing', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    const before = rowCounts(ctx)
    await expect(importBundle(ctx, withCode({ 'code.number': '42' }))).rejects.toThrow(
      /^gates\.json: code scorer "code\.number" \(scorers\.\d+\.config\.source\) does not compile: /,
    )
    expect(rowCounts(ctx)).toEqual(before)
    close()
  })
})

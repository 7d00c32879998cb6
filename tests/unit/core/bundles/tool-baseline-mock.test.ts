/**
 * Issue 19 acceptance, the tool router's baseline folder: a baseline whose results are tool calls (run on the
 * user's own provider through the mock) exports, imports into a fresh workspace and exports again byte for
 * byte, and the built evallab bin, spawned, gates the folder: the good model passes, the regressed one fails.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BundleExport, BundleImport } from '../../../../shared/domain/bundles'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { described, spawnEvallab } from '../../cli/spawn-bin'
import { call } from '../core-calls'
import { acmeCore } from '../runs/acme-mock'
import { acmeRouter, argumentsFor, good, regressed, routingResponder, runRouter } from '../runs/routing-mock'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** Every file under `folder`, by its path inside it. */
function filesUnder(folder: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out[relative(folder, path)] = readFileSync(path)
  }
  return out
}

describe("the tool router's baseline folder", () => {
  it('round-trips byte-identical and gates with the built bin: good passes (0), regressed fails (1)', async () => {
    const server = await startMock({ responder: routingResponder })
    const core = acmeCore(tempHome(), server)
    const router = await acmeRouter(core)
    const run = await runRouter(core, router, [good])
    const promptId = router.prompt.prompt.id
    const slice = { promptVersionId: router.prompt.version.id, provider: good.provider, modelId: good.model }
    await call(core, 'baselines.set', { promptId, runId: run.id, slice, note: 'routes every ticket right' })
    const first = await call<BundleExport>(core, 'bundles.export', {
      promptId,
      folder: join(tempHome(), 'evals'),
    })
    core.close()
    const exported = filesUnder(first.folder)
    const results = (exported['baseline/results.jsonl']?.toString('utf8') ?? '').trimEnd().split('\n')
    expect(results).toHaveLength(8)
    for (const line of results) {
      const result = JSON.parse(line) as { case?: string; toolCalls?: { name: string; arguments: string }[] }
      expect(result.toolCalls).toEqual([
        expect.objectContaining({
          name: 'route_ticket',
          arguments: argumentsFor(good.model, result.case ?? ''),
        }),
      ])
    }

    const fresh = acmeCore(tempHome(), server)
    const imported = await call<BundleImport>(fresh, 'bundles.import', { folder: first.folder })
    const again = await call<BundleExport>(fresh, 'bundles.export', {
      promptId: imported.promptId,
      folder: join(tempHome(), 'evals'),
    })
    fresh.close()
    expect(Object.keys(filesUnder(again.folder)).sort()).toEqual(Object.keys(exported).sort())
    expect(filesUnder(again.folder)).toEqual(exported)

    const provider = ['--provider', `${good.provider}=${server.openaiBaseUrl}`]
    const pass = await spawnEvallab(['gate', first.folder, ...provider])
    expect(pass.code, described(pass)).toBe(0)
    expect(pass.stdout).toMatch(/^Gate PASS .*Acme ticket router: v1 × acme-openai\/route-good/m)
    const fail = await spawnEvallab([
      'gate',
      first.folder,
      '--model',
      `${regressed.provider}/${regressed.model}`,
      ...provider,
    ])
    expect(fail.code, described(fail)).toBe(1)
    expect(fail.stdout).toMatch(/^Gate FAIL .*Acme ticket router: v1 × acme-openai\/route-regressed/m)
    expect(fail.stdout).toMatch(/^tool\.queue .* fail$/m)
  }, 120_000)
})

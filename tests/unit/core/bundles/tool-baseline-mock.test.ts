/**
 * Issue 19 acceptance, the tool router's baseline folder: a baseline whose results are tool calls (run on the
 * user's own provider through the mock) exports, imports into a fresh workspace and exports again byte for
 * byte, and the built evallab bin, spawned, gates the folder: the good model passes, the regressed one fails.
 * The same for a tool-loop agent, whose folder carries the cases' turns and canned results and each loop's steps.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BundleExport, BundleImport } from '../../../../shared/domain/bundles'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import { bySteps, toolCall, type MockAnswer, type MockChatRequest } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { described, spawnEvallab } from '../../cli/spawn-bin'
import { call } from '../core-calls'
import { acmeCore, importJsonl } from '../runs/acme-mock'
import { agentTools } from '../runs/agent-workspace'
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

  it('carries a tool-loop agent (turns, canned results, step limit) that the built bin gates by re-running the loop', async () => {
    const server = await startMock({ responder: agentResponder })
    const core = acmeCore(tempHome(), server)
    const { datasetId } = await importJsonl(core, 'orders.jsonl', orders, 'Orders')
    const created = await call<PromptDetail>(core, 'prompts.create', {
      name: 'Order agent',
      messages: [
        { role: 'system', content: 'You handle Acme order tickets with the tools.' },
        { role: 'conversation', content: '' },
      ],
      model: agentGood,
      params: { temperature: 0, tools: agentTools, maxToolSteps: 3 },
      message: 'First version',
      allowNewVariables: true,
    })
    const promptId = created.prompt.id
    await call(core, 'suites.save', {
      promptId,
      message: 'Routes right',
      suite: {
        scorers: [
          {
            metric: 'tool.queue',
            label: 'Right queue',
            config: {
              kind: 'rule',
              rule: { op: 'tool_arg', tool: 'route_ticket', path: 'queue', expectedField: 'queue' },
            },
          },
        ],
        gates: [{ kind: 'min_score', metric: 'tool.queue', min: 1 }],
      },
    })
    const run = await runRouter(core, { prompt: created, datasetId }, [agentGood])
    const slice = {
      promptVersionId: created.version.id,
      provider: agentGood.provider,
      modelId: agentGood.model,
    }
    await call(core, 'baselines.set', { promptId, runId: run.id, slice })
    const first = await call<BundleExport>(core, 'bundles.export', {
      promptId,
      folder: join(tempHome(), 'evals'),
    })
    core.close()
    const exported = filesUnder(first.folder)
    expect(exported['dataset.jsonl']?.toString('utf8')).toContain('"toolResults"')
    expect(exported['baseline/results.jsonl']?.toString('utf8')).toContain('"steps"')

    const fresh = acmeCore(tempHome(), server)
    const imported = await call<BundleImport>(fresh, 'bundles.import', { folder: first.folder })
    const again = await call<BundleExport>(fresh, 'bundles.export', {
      promptId: imported.promptId,
      folder: join(tempHome(), 'evals'),
    })
    fresh.close()
    expect(filesUnder(again.folder)).toEqual(exported)

    const provider = ['--provider', `${agentGood.provider}=${server.openaiBaseUrl}`]
    const calls = server.stats.total
    const pass = await spawnEvallab(['gate', first.folder, ...provider])
    expect(pass.code, described(pass)).toBe(0)
    // Every case's loop ran again, all three steps.
    expect(server.stats.total - calls).toBe(3 * orders.length)
    const fail = await spawnEvallab([
      'gate',
      first.folder,
      '--model',
      `${agentGood.provider}/agent-regressed`,
      ...provider,
    ])
    expect(fail.code, described(fail)).toBe(1)
    expect(fail.stdout).toMatch(/^tool\.queue .* fail$/m)
  }, 120_000)
})

const agentGood = { provider: 'acme-openai', model: 'agent-good' }
const orders = ['A-1', 'B-7', 'C-3'].map((order) => ({
  key: order,
  vars: { order },
  expected: { queue: 'shipping' },
  messages: [{ role: 'user', content: 'Order {{order}} never came.' }],
  tool_results: { lookup_order: '{"status":"lost"}', route_ticket: '{"ok":true}' },
}))

/** Looks the order up, routes it (the regressed agent to billing), then says so. */
function agentResponder(request: MockChatRequest): MockAnswer | Promise<MockAnswer> {
  const queue = request.model === 'agent-regressed' ? 'billing' : 'shipping'
  return bySteps([
    { toolCalls: [toolCall('lookup_order', { order: 'A-1' })] },
    { toolCalls: [toolCall('route_ticket', { queue, priority: 'high' })] },
    `Routed to ${queue}.`,
  ])(request)
}

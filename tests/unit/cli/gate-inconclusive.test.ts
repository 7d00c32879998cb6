import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MockChatRequest } from '../../fixtures/mock-llm/types'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { buildSignedBaseline, runCli, triageResponder } from './cli-helpers'

const newHome = useTempHomes()
const startServer = useMockLlmServer()

/** The one case triage-slip gets wrong: 1 of 20 is a 5-point drop, exactly the rule's margin. */
const slipCase = 3

/** As triageResponder, but "triage-slip" answers a wrong category on ticket `slipCase` only. */
function slipResponder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  if (request.model === 'triage-slip' && text.includes(`ticket ${slipCase}:`)) {
    return JSON.stringify({ category: 'security', priority: 'high' })
  }
  return triageResponder(request)
}

describe('evallab gate with an inconclusive verdict', () => {
  it('exits 2 when the drop CI straddles the margin and marks the rule <skipped> in JUnit', async () => {
    const server = await startServer({ responder: slipResponder, latencyMs: 0 })
    const dir = newHome()
    // Only a max_drop rule, on 20 cases: one miss puts the estimate on the margin with a wide interval.
    const { folder } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(dir, 'evals'), {
      cases: 20,
      gates: [{ kind: 'max_drop', metric: 'rule.category', maxDropPoints: 5 }],
    })
    const junit = join(dir, 'gate.xml')
    const summary = join(dir, 'gate.md')
    const argv = [
      'gate',
      folder,
      '--model',
      'openai/triage-slip',
      '--provider',
      `openai=${server.openaiBaseUrl}`,
    ]
    const result = await runCli([...argv, '--junit', junit, '--summary', summary], {
      OPENAI_API_KEY: 'test',
    })
    expect(result.err).not.toMatch(/evallab gate:/)
    expect(result.code).toBe(2)
    expect(result.out).toMatch(/^Gate INCONCLUSIVE .*v1 × openai\/triage-slip .*\(20 paired cases\)/m)
    expect(result.out).toMatch(/^rule\.category.* inconclusive$/m)

    const xml = readFileSync(junit, 'utf8')
    expect(xml).toContain('tests="1" failures="0" errors="0" skipped="1"')
    expect(xml).toMatch(
      /<testcase classname="ticket-triage" name="rule\.category[^"]*">\s*<skipped message="[^"]*-5 points against the baseline \(95 % CI -15 to 0\)[^"]*cannot tell/,
    )
    expect(xml).not.toContain('<failure')
    expect(readFileSync(summary, 'utf8')).toMatch(/inconclusive/)
  }, 60_000)
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import type { MockChatRequest } from '../../fixtures/mock-llm/types'
import { useTempHomes } from '../../fixtures/temp-home'
import { buildSignedBaseline, triageResponder } from './cli-helpers'
import { described, spawnEvallab } from './spawn-bin'

// A prompt pinned to a provider the user added in Settings (local-llm, an OpenAI-compatible server), gated
// from its exported folder by the built bin. The workspace the CLI builds from the folder has no Settings
// rows: the provider comes from --provider or EVALLAB_LOCAL_LLM_BASE_URL only.
const newHome = useTempHomes()
const startServer = useMockLlmServer()

/** As triageResponder, but "triage-slip" answers a wrong category on ticket 3 only: a drop the gate cannot call. */
function responder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  if (request.model === 'triage-slip' && text.includes('ticket 3:')) {
    return JSON.stringify({ category: 'security', priority: 'high' })
  }
  return triageResponder(request)
}

/**
 * v1 × local-llm/triage-good is the signed baseline and in prod; v2 is pinned to local-llm/triage-bad (a
 * quarter of its answers are broken JSON), v3 to local-llm/triage-slip. On 20 cases one miss is a 5-point drop
 * whose interval straddles the max_drop margin: inconclusive.
 */
async function pinnedFolder(): Promise<{ folder: string; url: string }> {
  const server = await startServer({ responder })
  const { folder } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(newHome(), 'evals'), {
    provider: 'local-llm',
    laterVersions: ['triage-bad', 'triage-slip'],
    promoteToProd: true,
    cases: 20,
    gates: [
      { kind: 'min_score', metric: 'format.json_schema', min: 0.99 },
      { kind: 'max_drop', metric: 'rule.category', maxDropPoints: 5 },
    ],
  })
  return { folder, url: server.openaiBaseUrl }
}

describe('evallab gate --version/--env for a prompt pinned to a user-added provider', () => {
  it('exit 1 for the regressed version, 0 for prod, 2 when the drop cannot be called', async () => {
    const { folder, url } = await pinnedFolder()
    const provider = ['--provider', `local-llm=${url}`]

    const regressed = await spawnEvallab(['gate', folder, '--version', '2', ...provider])
    expect(regressed.code, described(regressed)).toBe(1)
    expect(regressed.stdout).toMatch(/^Gate FAIL .*Ticket triage: v2 × local-llm\/triage-bad/m)

    const prod = await spawnEvallab(['gate', folder, '--env', 'prod'], { EVALLAB_LOCAL_LLM_BASE_URL: url })
    expect(prod.code, described(prod)).toBe(0)
    expect(prod.stdout).toMatch(/^Gate PASS .*Ticket triage: v1 × local-llm\/triage-good/m)

    const slip = await spawnEvallab(['gate', folder, '--version', '3', ...provider])
    expect(slip.code, described(slip)).toBe(2)
    expect(slip.stdout).toMatch(/^Gate INCONCLUSIVE .*v3 × local-llm\/triage-slip/m)
  }, 60_000)

  it('without a base URL for local-llm, says how to give one in a terminal (exit 3)', async () => {
    const { folder } = await pinnedFolder()
    const result = await spawnEvallab(['gate', folder, '--env', 'prod'])
    expect(result.code, described(result)).toBe(3)
    const [first] = result.stderr.split('\n')
    expect(first).toBe(
      'evallab gate: Unknown provider "local-llm": pass --provider local-llm=URL or set EVALLAB_LOCAL_LLM_BASE_URL',
    )
    expect(result.stderr).not.toContain('Settings')
  }, 60_000)
})

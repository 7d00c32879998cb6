import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { buildSignedBaseline, triageResponder } from './cli-helpers'
import { described, spawnEvallab, type Spawned } from './spawn-bin'

// The built bin in a child process with its real environment (process.env is not a plain object there),
// against the mock LLM server in this process. The baseline: "Ticket triage" v1 × openai/triage-good.
const newHome = useTempHomes()
const startServer = useMockLlmServer()

async function openaiBaseline(): Promise<{ folder: string; url: string }> {
  const server = await startServer({ responder: triageResponder })
  const { folder } = await buildSignedBaseline(newHome(), server.openaiBaseUrl, join(newHome(), 'evals'))
  return { folder, url: server.openaiBaseUrl }
}

/** No stack trace, no zod dump: what a user sees of an error is lines of text meant for them. */
function expectNoInternals(result: Spawned): void {
  const output = `${result.stdout}${result.stderr}`
  expect(output, described(result)).not.toMatch(/ZodError|^\s+at .+:\d+:\d+\)?$|unexpected error/im)
}

describe('the built evallab bin with providers from flags and the environment', () => {
  it('gate --provider openai=URL with OPENAI_API_KEY passes the baseline, and run prints the summary', async () => {
    const { folder, url } = await openaiBaseline()
    const vars = { OPENAI_API_KEY: 'test' }
    const gate = await spawnEvallab(['gate', folder, '--provider', `openai=${url}`], vars)
    expectNoInternals(gate)
    expect(gate.code, described(gate)).toBe(0)
    expect(gate.stdout).toMatch(/^Gate PASS .*Ticket triage: v1 × openai\/triage-good/m)

    const run = await spawnEvallab(['run', folder, '--provider', `openai=${url}`], vars)
    expectNoInternals(run)
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/^Run "evallab run: Ticket triage v1": completed \(40\/40 calls\)/)
  }, 60_000)

  it('gate --provider local-llm=URL needs no key and fails a regressed model on it (exit 1)', async () => {
    const { folder, url } = await openaiBaseline()
    const args = ['gate', folder, '--model', 'local-llm/triage-bad', '--provider', `local-llm=${url}`]
    const gate = await spawnEvallab(args)
    expectNoInternals(gate)
    expect(gate.code, described(gate)).toBe(1)
    expect(gate.stdout).toMatch(/^Gate FAIL .*v1 × local-llm\/triage-bad/m)
    expect(gate.stdout).toMatch(/^format\.json_schema.* fail$/m)
  }, 60_000)

  it('EVALLAB_LOCAL_LLM_BASE_URL names provider local-llm (the dash becomes an underscore)', async () => {
    const { folder, url } = await openaiBaseline()
    const vars = { EVALLAB_LOCAL_LLM_BASE_URL: url }
    const gate = await spawnEvallab(['gate', folder, '--model', 'local-llm/triage-good'], vars)
    expectNoInternals(gate)
    expect(gate.code, described(gate)).toBe(0)
    expect(gate.stdout).toMatch(/^Gate PASS .*v1 × local-llm\/triage-good/m)
  }, 60_000)

  it("sends the key from EVALLAB_<NAME>_API_KEY, not the shell's OPENAI_API_KEY", async () => {
    const { folder } = await openaiBaseline()
    const gateway = await startServer({ responder: triageResponder, apiKey: 'sk-gateway-7' })
    const args = ['gate', folder, '--model', 'my-gateway/triage-good']
    const vars = { EVALLAB_MY_GATEWAY_BASE_URL: gateway.openaiBaseUrl, OPENAI_API_KEY: 'sk-openai' }
    const keyed = await spawnEvallab(args, { ...vars, EVALLAB_MY_GATEWAY_API_KEY: 'sk-gateway-7' })
    expectNoInternals(keyed)
    expect(keyed.code, described(keyed)).toBe(0)
    expect(keyed.stdout).toMatch(/^Gate PASS .*v1 × my-gateway\/triage-good/m)

    const unkeyed = await spawnEvallab(args, vars)
    expectNoInternals(unkeyed)
    // Without its key the gateway refuses the first call: the run stops there and the gate gives no verdict
    // (a refused key is a configuration problem, exit 3, never a regression of the model).
    expect(unkeyed.code, described(unkeyed)).toBe(3)
    expect(unkeyed.stdout).toMatch(/^gate: the candidate run failed .*no verdict$/m)
    expect(unkeyed.stderr).toMatch(
      /Provider "my-gateway" refused the API key \(401 .*fix the key, then resume/,
    )
    expect(unkeyed.stdout).not.toMatch(/Gate FAIL/)
  }, 60_000)

  it('a hosted provider without a key is a one-line usage error naming the variables (exit 3)', async () => {
    const { folder, url } = await openaiBaseline()
    for (const command of ['gate', 'run']) {
      const result = await spawnEvallab([command, folder, '--provider', `openai=${url}`])
      expectNoInternals(result)
      expect(result.code, described(result)).toBe(3)
      const [first] = result.stderr.split('\n')
      expect(first).toBe(
        `evallab ${command}: No API key for provider "openai": set OPENAI_API_KEY or EVALLAB_OPENAI_API_KEY`,
      )
      expect(result.stdout).toBe('')
    }
  }, 60_000)
})

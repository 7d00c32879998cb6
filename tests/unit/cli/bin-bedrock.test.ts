import { describe, expect, it } from 'vitest'
import type { PromptSummary } from '../../../shared/domain/prompts'
import type { Run } from '../../../shared/domain/runs'
import { FAKE_AWS_KEY_ID, fakeAwsEnv } from '../../fixtures/mock-llm/aws-env'
import { useMockLlmServer } from '../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import { ownWorkspace, settled } from '../core/runs/own-provider'
import { useFakeAwsEnv } from '../core/llm/providers/bedrock-stub'
import { described, spawnEvallab } from './spawn-bin'

// A workspace whose prompt is pinned to a stored AWS Bedrock provider (bedrock-eu, eu-central-1, the mock as
// its endpoint), run by the built bin with the AWS keys in its environment only.
const newHome = useTempHomes()
const startServer = useMockLlmServer()
const awsEnv = useFakeAwsEnv()

const MODEL = { provider: 'bedrock-eu', model: 'amazon.nova-lite-v1:0' }

/** The child's AWS chain: the fake keys, no profile, no ~/.aws; unset variables are passed empty. */
function childAwsVars(keys: boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(fakeAwsEnv(keys)).map(([name, value]) => [name, value ?? '']))
}

async function workspaceWithBaseline(url: string): Promise<string> {
  awsEnv()
  const home = newHome()
  const w = await ownWorkspace(home, MODEL, { rows: 6, runner: { env: {}, flushMs: 20 } })
  const provider = {
    name: 'bedrock-eu',
    kind: 'bedrock',
    region: 'eu-central-1',
    baseUrl: url,
    concurrency: 4,
  }
  await call(w.core, 'providers.save', provider)
  const plan = { promptVersionIds: w.versionIds, models: [MODEL], datasetId: w.datasetId, useCache: false }
  const run = await settled(w.core, (await call<Run>(w.core, 'runs.start', { ...plan, name: 'first' })).id)
  await call(w.core, 'runs.score', { runId: run.id })
  const [prompt] = await call<PromptSummary[]>(w.core, 'prompts.list', {})
  const slice = { promptVersionId: w.versionIds[0], ...{ provider: MODEL.provider, modelId: MODEL.model } }
  await call(w.core, 'baselines.set', { promptId: prompt?.id, runId: run.id, slice })
  w.core.close()
  return home
}

describe('evallab run on a workspace with a stored Bedrock provider', () => {
  it('runs through the AWS chain of its environment, prices from the table, and records a 429 and a 500', async () => {
    const server = await startServer({ apiKey: FAKE_AWS_KEY_ID })
    const home = await workspaceWithBaseline(server.url)
    server.stats.reset()
    const doomed: string[] = []
    server.setBehavior({
      faultsFor: (key) => {
        if (!doomed.includes(key) && doomed.length < 2) doomed.push(key)
        const index = doomed.indexOf(key)
        return index < 0 ? undefined : Array(6).fill(index === 0 ? { fault: '429', retryAfterMs: 10 } : '500')
      },
    })
    const args = ['run', '--prompt', 'Refund triage', '--workspace', home]
    const run = await spawnEvallab(args, childAwsVars(true))
    expect(run.code, described(run)).toBe(0)
    expect(run.stdout).toMatch(/^Run "evallab run: Refund triage v1": completed \(6\/6 calls\)$/m)
    expect(run.stdout).toMatch(/^v1 × bedrock-eu\/amazon\.nova-lite-v1:0$/m)
    // Nova Lite from the table's aws entry: a price, never $0 or unknown.
    expect(run.stdout).toMatch(
      /^6 results, 2 errors · cost per interaction \$0\.0000\d+ \(total \$0\.0000\d+\)/m,
    )
    expect(server.stats.byApi.bedrock).toBeGreaterThanOrEqual(6)

    const refused = await spawnEvallab(args, childAwsVars(false))
    expect(`${refused.stdout}${refused.stderr}`, described(refused)).toMatch(/set AWS_PROFILE/)
  }, 60_000)
})

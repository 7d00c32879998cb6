import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { evallab, transcript, type BinResult } from './evallab-bin'
import { pinnedModel, regressedModel } from './intent-models'
import { cases, local, regressedKeys, vllm, type ModelServers } from './journey-fixtures'

/**
 * CI's side of the journey: the built `evallab` bin, spawned with this process's real environment, verifies
 * the exported folder against the signer's public key and gates it on the team's own servers.
 */

type GateCli = (args: string[], env: Record<string, string>, status: number) => Promise<BinResult>

/** `evallab gate <folder>` with the exported signer allowed, expecting an exit status and no stack trace. */
function gateCli(folder: string, signer: string): GateCli {
  return async (args, env, status) => {
    const result = await evallab(['gate', folder, '--allowed-signers', signer, ...args], env)
    expect(result.status, transcript(result)).toBe(status)
    expect(result.stderr).not.toMatch(/ZodError|at .+\.js:\d+/)
    return result
  }
}

export async function gateInCi(
  folder: string,
  signer: string,
  servers: ModelServers,
  outputDir: string,
): Promise<void> {
  const verified = await evallab(['verify', folder, '--allowed-signers', signer])
  expect(verified.status, transcript(verified)).toBe(0)
  expect(verified.stdout).toContain('Ana Ruiz')

  const gate = gateCli(folder, signer)
  // A CI job that forgot to say where local-llm is gets told how, in terms of its own command line.
  const unknown = await gate([], {}, 3)
  expect(unknown.stderr).toContain('--provider local-llm=URL')
  expect(unknown.stderr).toContain('EVALLAB_LOCAL_LLM_BASE_URL')
  expect(unknown.stderr).not.toContain('Settings')

  await gateByFlag(gate, servers, outputDir)
  await gateByEnvironment(gate, servers)
  // The pinned prompt by version (each on the model it pins) and by environment.
  const flag = ['--provider', `local-llm=${servers.local.openaiBaseUrl}`]
  await gate(['--version', '1', ...flag], {}, 0)
  await gate(['--version', '2', ...flag], {}, 1)
  await gate(['--env', 'prod', ...flag], {}, 0)
}

async function gateByFlag(gate: GateCli, servers: ModelServers, outputDir: string): Promise<void> {
  const flag = ['--provider', `local-llm=${servers.local.openaiBaseUrl}`]
  const summary = join(outputDir, 'gate-summary.md')
  await gate(['--model', local(regressedModel), '--summary', summary, ...flag], {}, 1)
  const markdown = readFileSync(summary, 'utf8')
  expect(markdown).toContain(local(regressedModel))
  for (const key of regressedKeys) expect(markdown).toContain(key)
  const passed = await gate(flag, {}, 0)
  expect(passed.stdout).toContain(local(pinnedModel))

  // The same model through the second server is a candidate of its own, gated on the local-llm baseline.
  const second = ['--provider', `vllm-box=${servers.vllm.openaiBaseUrl}`, '--model', vllm(pinnedModel)]
  const other = await gate(second, {}, 0)
  expect(other.stdout).toContain(vllm(pinnedModel))
}

async function gateByEnvironment(gate: GateCli, servers: ModelServers): Promise<void> {
  // Pointed at the second server: its calls prove the variable was read.
  const before = { local: servers.local.stats.total, vllm: servers.vllm.stats.total }
  const env = { EVALLAB_LOCAL_LLM_BASE_URL: servers.vllm.openaiBaseUrl }
  await gate(['--model', local(regressedModel)], env, 1)
  await gate([], env, 0)
  expect(servers.vllm.stats.total).toBe(before.vllm + 2 * cases.length)
  expect(servers.local.stats.total).toBe(before.local)

  // A flag wins over the variable.
  await gate(['--provider', `local-llm=${servers.local.openaiBaseUrl}`], env, 0)
  expect(servers.local.stats.total).toBe(before.local + cases.length)
}

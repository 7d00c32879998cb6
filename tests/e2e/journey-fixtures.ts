import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MockLlmServer } from '../fixtures/mock-llm'
import { test as base } from './fixtures'
import { AnswerValve, isRegressedCase, readIntentCases, startIntentServer } from './intent-models'

/** The journey's data and model servers: its own CSV, two servers of its own, a git repo for the export. */

export const cases = readIntentCases()
export const regressedKeys = cases.filter((_, i) => isRegressedCase(i)).map((c) => c.id)
export const local = (model: string) => `local-llm/${model}`
export const vllm = (model: string) => `vllm-box/${model}`

export interface ModelServers {
  local: MockLlmServer
  vllm: MockLlmServer
  /** Shared by both servers: how many answers go out before the rest are held. */
  valve: AnswerValve
}

export const test = base.extend<{ servers: ModelServers; gitRepo: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  servers: async ({}, use) => {
    const valve = new AnswerValve()
    const [local, vllm] = [await startIntentServer(cases, valve), await startIntentServer(cases, valve)]
    const servers = { local, vllm, valve }
    await use(servers)
    valve.open()
    await Promise.all([servers.local.close(), servers.vllm.close()])
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  gitRepo: async ({}, use) => {
    const repo = mkdtempSync(join(tmpdir(), 'evallab-journey-repo-'))
    git(repo, 'init', '--quiet', '--initial-branch=main')
    git(repo, 'config', 'user.name', 'Journey')
    git(repo, 'config', 'user.email', 'journey@example.test')
    await use(repo)
    rmSync(repo, { recursive: true, force: true })
  },
})

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' })
}

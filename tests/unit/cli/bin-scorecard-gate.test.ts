import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ciStatusFileSchema, type WorkspaceScorecard } from '../../../shared/domain/scorecard'
import { useTempHomes } from '../../fixtures/temp-home'
import { call } from '../core/core-calls'
import { buildDemoBaseline, openDemo } from './demo-baseline'
import { described, spawnEvallab } from './spawn-bin'

const newHome = useTempHomes()

async function ciGate(home: string) {
  const core = openDemo(home)
  try {
    const s = await call<WorkspaceScorecard>(core, 'scorecard.get', {})
    return s.prompts.find((p) => p.name === 'Ticket triage')?.criteria.find((c) => c.key === 'ci_gate')
  } finally {
    core.close()
  }
}

// The scorecard's "CI gate" is evidence only when the built CLI really gated the exported folder: an
// export alone is not met; `evallab gate` spawned as a user's CI runs it records its verdict in the
// workspace the folder came from and writes the status file a CI checkout without a workspace keeps.
describe('the built evallab gate records its verdict as scorecard evidence', () => {
  it('turns an exported-but-never-gated folder into a gated one, and writes the CI status file', async () => {
    const home = newHome()
    const dir = newHome()
    const { folder } = await buildDemoBaseline(home, join(dir, 'evals'))
    expect(await ciGate(home)).toMatchObject({
      met: false,
      evidence: expect.stringMatching(/; no gate or verify of that folder recorded$/),
    })

    const status = join(dir, 'ci', 'ticket-triage.json')
    const gate = await spawnEvallab(
      ['gate', folder, '--record-in', home, '--ci-status', status, '--concurrency', '64'],
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/support-bot', GITHUB_RUN_ID: '7' },
    )
    expect(gate.code, described(gate)).toBe(0)
    expect(gate.stdout).toContain(`gate: CI status written to ${status}`)
    expect(gate.stdout).toContain(`gate: recorded for "Ticket triage" in ${home}`)
    const written = ciStatusFileSchema.parse(JSON.parse(readFileSync(status, 'utf8')))
    expect(written).toMatchObject({
      command: 'gate',
      outcome: 'pass',
      promptName: 'Ticket triage',
      ciRunUrl: 'https://github.com/acme/support-bot/actions/runs/7',
    })

    expect(await ciGate(home)).toMatchObject({
      met: true,
      evidence: expect.stringMatching(/; gated 1 time by the CLI, latest gate \d{4}-\d\d-\d\d: pass$/),
      nextStep: '',
    })
  }, 120_000)
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext } from '../../../../../electron/main/core/context'
import { openConnection } from '../../../../../electron/main/core/db/connection'
import { scoreResults } from '../../../../../electron/main/core/scoring'
import {
  createCodeSandbox,
  defaultSandboxLimits,
  type CodeSandbox,
} from '../../../../../electron/main/core/scoring/code'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { codeRunSetup, codeScorer, saveScorers, triageResponder } from './setup'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** A sandbox whose engine is broken: every call fails before the scorer runs. */
const brokenEngine: CodeSandbox = {
  limits: defaultSandboxLimits,
  engineLoads: 0,
  run: () => Promise.resolve({ ok: false, kind: 'engine', message: 'The sandbox failed: wasm trap' }),
  runJson: () => Promise.resolve({ ok: false, kind: 'engine', message: 'The sandbox failed: wasm trap' }),
}

describe('a sandbox failure is not the scorer’s: the next pass scores those results again', () => {
  it('engine errors are stored marked for retry and replaced by the next pass’s scores', async () => {
    const server = await startMock({ responder: triageResponder })
    const home = tempHome()
    const { core, repos, runId, promptId, close } = await codeRunSetup(home, server, 3)
    await saveScorers(core, promptId, [codeScorer('code.queue', '(output) => output.includes("queue")')])
    const db = openConnection(join(home, 'evallab.db'))
    const ctx = createCoreContext(db, { user: 'tester', now: () => '2026-12-05T10:00:00.000Z' })
    await scoreResults(ctx, runId, { judges: false }, { sandbox: brokenEngine })
    const failed = repos.runScores.list(runId, { metric: 'code.queue' })
    expect(failed).toHaveLength(6)
    expect(failed.every((s) => s.value === null && s.details.retry === true)).toBe(true)

    const again = await scoreResults(ctx, runId, { judges: false }, { sandbox: createCodeSandbox() })
    expect(again).toMatchObject({ written: 6, skipped: 0 })
    const scored = repos.runScores.list(runId, { metric: 'code.queue' })
    expect(scored.map((s) => s.value)).toEqual([1, 1, 1, 1, 1, 1])
    expect(await scoreResults(ctx, runId, { judges: false })).toMatchObject({ written: 0, skipped: 6 })
    db.close()
    close()
  }, 120_000)
})

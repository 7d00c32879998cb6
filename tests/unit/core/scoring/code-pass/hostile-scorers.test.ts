import { describe, expect, it } from 'vitest'
import type { RunSummary } from '../../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { codeRunSetup, codeScorer, metricOf, saveScorers, triageResponder } from './setup'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const good = '(output, { expected }) => JSON.parse(output).queue === expected.queue'

/** Each hostile scorer, and the error kind and message its every score must carry. */
const hostile: [metric: string, source: string, kind: string | RegExp, message: RegExp][] = [
  ['code.loop', '() => { while (true) {} }', 'timeout', /ran past its 250 ms time limit and was stopped/],
  // QuickJS collects garbage for seconds near the memory limit, out of the interrupt handler's reach: the
  // watchdog stops it just past the time limit, unless the memory limit is met first on a quiet machine.
  [
    'code.alloc',
    '() => { const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length)) }',
    /^(timeout|memory)$/,
    /(ran past its 250 ms time limit and was stopped \(stuck in a long built-in call, or collecting garbage near its 16 MB memory limit\))|(went over its 16 MB memory limit)/,
  ],
  ['code.fs', `() => require('fs').readFileSync('/etc/passwd', 'utf8')`, 'threw', /'require' is not defined/],
  ['code.process', '() => process.exit(1)', 'threw', /'process' is not defined/],
  ['code.fetch', 'async () => (await fetch("http://127.0.0.1:1/")).ok', 'threw', /'fetch' is not defined/],
  ['code.import', `async () => (await import('fs')).existsSync('/')`, 'threw', /could not load module 'fs'/],
]

describe('hostile code scorers record a scoring error; the other scorers complete', () => {
  it('loop, unbounded allocation, require, process, fetch and import() each fail every result clearly', async () => {
    const server = await startMock({ responder: triageResponder })
    const { core, repos, runId, promptId, close } = await codeRunSetup(tempHome(), server, 2)
    await saveScorers(core, promptId, [
      codeScorer('code.good', good),
      ...hostile.map(([metric, source]) => codeScorer(metric, source)),
      { metric: 'format.json', label: 'JSON', config: { kind: 'format', format: { check: 'json' } } },
    ])
    const summary = await call<RunSummary>(core, 'runs.score', { runId })
    for (const slice of [0, 1]) {
      expect(metricOf(summary, 'code.good', slice)).toMatchObject({ n: 2, value: 1 })
      expect(metricOf(summary, 'format.json', slice)).toMatchObject({ n: 2, value: 1 })
    }
    for (const [metric, , kind, message] of hostile) {
      const scores = repos.runScores.list(runId, { metric })
      expect(scores, metric).toHaveLength(4)
      for (const score of scores) {
        expect(score, metric).toMatchObject({
          value: null,
          passed: null,
          details: { codeError: expect.stringMatching(kind) },
        })
        expect(score.reason, metric).toMatch(/^The code scorer failed: /)
        expect(score.reason, metric).toMatch(message)
      }
      expect(metricOf(summary, metric)).toMatchObject({ n: 0, value: null })
    }
    // Nothing escaped: the host process is alive and the mock saw only the run's own calls.
    expect(server.stats.total).toBe(4)
    close()
  }, 180_000)
})

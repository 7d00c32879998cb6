/**
 * Code scorers in the QuickJS sandbox: calls per second for a trivial scorer and for one that parses the
 * output and reads vars and expected, one call after another on one core (each call in a fresh runtime);
 * then the real scoring pass (`runs.score` through dispatch) over a 10,000-result run with five code
 * scorers, in the worker thread with its watchdog. Issue 20 asks for ≥ 2,000 scorer calls/s there.
 * Writes bench/results-code-scorers.json.
 *
 *   npx tsx bench/code-scorers.ts [calls] [results]     (default: 10000 10000)
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createCodeSandbox, type CodeScorerInput } from '../electron/main/core/scoring/code'
import { runScoringPassBench } from './code-scorers-pass'

const scorers = {
  trivial: '(output) => output.length > 0',
  realistic: `(output, { vars, expected }) => {
    const answer = JSON.parse(output)
    const sameQueue = answer.queue === expected.queue
    return { pass: sameQueue && answer.priority <= expected.maxPriority, score: sameQueue ? 1 : 0,
      reason: sameQueue ? 'routed to ' + answer.queue : 'expected ' + expected.queue + ' for ' + vars.customerTier }
  }`,
}

function input(n: number): CodeScorerInput {
  return {
    output: JSON.stringify({
      queue: n % 3 === 0 ? 'sales' : 'billing',
      priority: n % 4,
      summary: `ticket ${n}`,
    }),
    context: {
      vars: { ticket: `Charged twice on invoice ${n}`, customerTier: n % 2 ? 'pro' : 'enterprise' },
      expected: { queue: 'billing', maxPriority: 2 },
      toolCalls: [],
      metadata: { row: n },
    },
  }
}

async function callsPerSecond(source: string, calls: number): Promise<number> {
  const sandbox = createCodeSandbox()
  await sandbox.run(source, input(0)) // loads and warms the engine outside the timing
  const start = performance.now()
  for (let n = 0; n < calls; n++) {
    const outcome = await sandbox.run(source, input(n))
    if (!outcome.ok) throw new Error(`call ${n}: ${outcome.message}`)
  }
  return Math.round(calls / ((performance.now() - start) / 1000))
}

export async function runCodeScorerBench(calls = 10_000, results = 10_000): Promise<Record<string, number>> {
  const figures: Record<string, number> = {}
  for (const [name, source] of Object.entries(scorers)) {
    figures[`${name}CallsPerSecond`] = await callsPerSecond(source, calls)
    console.log(`${name} scorer: ${figures[`${name}CallsPerSecond`]} calls/s over ${calls} calls`)
  }
  const pass = await runScoringPassBench(results)
  const { errorReasons, ...passFigures } = pass
  Object.assign(figures, passFigures)
  console.log(
    `scoring pass: ${pass.results} results × ${pass.scorers} code scorers = ${pass.calls} calls in ` +
      `${pass.passMs} ms: ${pass.passCallsPerSecond} calls/s (target ≥ 2,000)`,
  )
  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    // Other work on the machine slows every figure: the 1-minute load average when the bench ended.
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    calls,
    targets: { trivialCallsPerSecond: 500, scorerCallsPerSecond: 2000, passCallsPerSecond: 2000 },
    figures,
    errorReasons,
  }
  writeFileSync(
    new URL('./results-code-scorers.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  )
  return figures
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCodeScorerBench(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 10_000))
}

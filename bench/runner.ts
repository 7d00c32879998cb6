/**
 * The eval runner against the mock LLM server: 500 cases × 2 prompt versions × 2 models (2,000 calls) at
 * 200 ms latency with concurrency 4, 16 and 64, at 50 ms with 16, and at 0 ms with 16 and 64; then the rows of
 * runner-faults.ts (429s, hung requests, a requests-per-minute limit) against those clean rows. Each row runs in a process of its
 * own (runner-row.mjs, plain JS on the built core) so its peak RSS is that of one run. Prints wall time against the theoretical minimum
 * ⌈calls / concurrency⌉ × latency, overhead per call, calls per second and peak RSS, with PASS/FAIL per target,
 * and writes the figures to bench/results.json. The mock runs in a process of its own (tests/fixtures/mock-llm/child.ts), as a
 * remote provider would, so RSS is the runner's alone; on a 2-core machine it still competes for CPU.
 *
 *   npx tsx bench/runner.ts     (or `npm run bench` for every benchmark)
 */
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describeFaultRow, faultRows, toFaultRow, type FaultBenchRow } from './runner-faults'

const run = promisify(execFile)

/** What one row measured (runner-row.mjs prints it); the snake_case figures are derived from it. */
export interface RowMeasure {
  latencyMs: number
  concurrency: number
  calls: number
  wallMs: number
  peakRssMb: number
  /** RSS once the workspace, mock and prompt are ready, just before runs.start. */
  baselineRssMb: number
  results: number
  errors: number
  status: string
  /** Requests the mock answered and the most it had in flight at once (the effective concurrency). */
  mockTotal: number
  mockMaxInFlight: number
  /** Requests open on average over the run, as the server saw them. */
  mockAverageInFlight: number
  mock429: number
  mockOk: number
  mockFaults: Record<string, number>
}

/**
 * The heap cap every Node process of ours runs with (host, CLI, bench). Under V8's default limit (~4 GB here)
 * the ~50 kB of short-lived garbage each SDK call leaves is collected late and RSS climbs by 100+ MB; with a
 * 1 GB cap the same run peaks ~90 MB lower. The live set of a 2,000-call run is ~30 MB.
 */
export const NODE_HEAP_FLAG = '--max-old-space-size=1024'

export const runnerRows = [
  { latencyMs: 200, concurrency: 4 },
  { latencyMs: 200, concurrency: 16 },
  { latencyMs: 200, concurrency: 64 },
  { latencyMs: 50, concurrency: 16 },
  { latencyMs: 0, concurrency: 16 },
  { latencyMs: 0, concurrency: 64 },
] as const

const EXPECTED_CALLS = 2000
const targets = { wallFactor: 1.05, wallSlackS: 1, overheadMs: 1.5, callsPerS: 500, peakRssMb: 250 }

export interface RunnerBenchRow {
  latency_ms: number
  concurrency: number
  calls: number
  wall_s: number
  min_wall_s: number
  overhead_ms_per_call: number
  calls_per_s: number
  peak_rss_mb: number
  /** Requests the server had open on average: the concurrency it actually saw. */
  average_in_flight: number
  targets_met: { wall: boolean; overhead: boolean | null; calls_per_s: boolean | null; peak_rss: boolean }
}

async function measure(
  latencyMs: number,
  concurrency: number,
  cases = 500,
  mock: Record<string, unknown> = {},
): Promise<RowMeasure> {
  const script = fileURLToPath(new URL('./runner-row.mjs', import.meta.url))
  const args = [
    NODE_HEAP_FLAG,
    script,
    String(latencyMs),
    String(concurrency),
    String(cases),
    JSON.stringify(mock),
  ]
  const { stdout, stderr } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 })
  const warnings = stderr.split('\n').filter((line) => line.includes('Warning:'))
  if (warnings.length > 0)
    console.log(`  (${warnings.length} warning line(s) from the row, first: ${warnings[0]})`)
  const last = stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(last) as RowMeasure
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits))

function toRow(m: RowMeasure): RunnerBenchRow {
  const wallS = m.wallMs / 1000
  const minWallS = Math.ceil(m.calls / m.concurrency) * (m.latencyMs / 1000)
  const overhead = ((wallS - minWallS) / m.calls) * 1000
  const callsPerS = m.calls / wallS
  const atZero = m.latencyMs === 0
  return {
    latency_ms: m.latencyMs,
    concurrency: m.concurrency,
    calls: m.calls,
    wall_s: round(wallS, 3),
    min_wall_s: round(minWallS, 3),
    overhead_ms_per_call: round(overhead, 3),
    calls_per_s: round(callsPerS, 1),
    peak_rss_mb: round(m.peakRssMb, 1),
    average_in_flight: round(m.mockAverageInFlight, 2),
    targets_met: {
      wall: wallS <= targets.wallFactor * minWallS + targets.wallSlackS,
      overhead: atZero ? overhead <= targets.overheadMs : null,
      calls_per_s: atZero ? callsPerS >= targets.callsPerS : null,
      peak_rss: m.peakRssMb <= targets.peakRssMb,
    },
  }
}

const verdict = (met: boolean | null): string => (met === null ? '—' : met ? 'PASS' : 'FAIL')

function checkRun(m: RowMeasure): string[] {
  const problems: string[] = []
  if (m.status !== 'completed') problems.push(`status ${m.status}`)
  if (m.calls !== EXPECTED_CALLS || m.results !== EXPECTED_CALLS) {
    problems.push(`${m.calls} calls planned, ${m.results} results (expected ${EXPECTED_CALLS})`)
  }
  if (m.errors !== 0) problems.push(`${m.errors} errors`)
  if (m.mockTotal !== EXPECTED_CALLS) problems.push(`the mock answered ${m.mockTotal} requests`)
  // At 0 ms the mock answers within the tick it reads a request, so only the 200 ms rows show the overlap.
  if (m.latencyMs > 0 && m.mockMaxInFlight !== m.concurrency) {
    problems.push(`at most ${m.mockMaxInFlight} requests in flight, not ${m.concurrency}`)
  }
  return problems
}

/** The fault rows, each after the clean row it is compared with (measured above, same machine, same load). */
async function runFaultRows(clean: Map<string, number>): Promise<FaultBenchRow[]> {
  const rows: FaultBenchRow[] = []
  for (const spec of faultRows) {
    const m = await measure(spec.latencyMs, spec.concurrency, spec.cases, spec.mock)
    const versus = spec.versus ? clean.get(`${spec.versus.latencyMs}/${spec.versus.concurrency}`) : undefined
    const row = toFaultRow(spec, m, versus)
    rows.push(row)
    console.log(describeFaultRow(row))
  }
  return rows
}

/** Runs every row one after the other, prints the table and writes bench/results.json. */
export async function runRunnerBench(): Promise<(RunnerBenchRow | FaultBenchRow)[]> {
  const rows: RunnerBenchRow[] = []
  const problems: string[] = []
  const cleanWalls = new Map<string, number>()
  for (const { latencyMs, concurrency } of runnerRows) {
    const m = await measure(latencyMs, concurrency)
    const row = toRow(m)
    rows.push(row)
    cleanWalls.set(`${latencyMs}/${concurrency}`, m.wallMs)
    for (const p of checkRun(m)) problems.push(`${latencyMs} ms × c${concurrency}: ${p}`)
    console.log(
      `${latencyMs} ms × c${concurrency}: ${row.calls} calls in ${row.wall_s} s (min ${row.min_wall_s} s), ` +
        `${row.overhead_ms_per_call} ms/call over, ${row.calls_per_s} calls/s, peak RSS ${row.peak_rss_mb} MB ` +
        `(${m.baselineRssMb.toFixed(0)} MB before runs.start), mock in flight max ${m.mockMaxInFlight}, ` +
        `average ${row.average_in_flight}`,
    )
  }
  console.log(
    `\nTargets: wall ≤ ${targets.wallFactor} × min + ${targets.wallSlackS} s; at 0 ms ≤ ${targets.overheadMs} ms/call ` +
      `and ≥ ${targets.callsPerS} calls/s; peak RSS ≤ ${targets.peakRssMb} MB`,
  )
  console.table(
    rows.map((r) => ({
      latency: `${r.latency_ms} ms`,
      conc: r.concurrency,
      'wall s': r.wall_s,
      'min s': r.min_wall_s,
      wall: verdict(r.targets_met.wall),
      'ms/call': r.overhead_ms_per_call,
      overhead: verdict(r.targets_met.overhead),
      'calls/s': r.calls_per_s,
      rate: verdict(r.targets_met.calls_per_s),
      'RSS MB': r.peak_rss_mb,
      rss: verdict(r.targets_met.peak_rss),
      'in flight': r.average_in_flight,
    })),
  )
  if (problems.length > 0) console.log(`Run checks FAILED:\n  ${problems.join('\n  ')}`)
  else console.log(`Run checks: every row ${EXPECTED_CALLS} results, 0 errors, concurrency as set`)
  console.log('\n— against a misbehaving provider —')
  const all = [...rows, ...(await runFaultRows(cleanWalls))]
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(all, null, 2)}\n`)
  console.log('Wrote bench/results.json')
  return all
}

/** One row by hand: `npx tsx bench/runner.ts --row 50 16 500 '{"rateHang":0.02}'` prints its measure. */
async function measureOne(args: readonly string[]): Promise<RowMeasure> {
  const [latency = '0', concurrency = '16', cases = '500', mock = '{}'] = args
  return measure(
    Number(latency),
    Number(concurrency),
    Number(cases),
    JSON.parse(mock) as Record<string, unknown>,
  )
}

if (process.argv[1]?.endsWith('runner.ts')) {
  const row = process.argv.indexOf('--row')
  if (row >= 0) console.log(JSON.stringify(await measureOne(process.argv.slice(row + 1))))
  else await runRunnerBench()
}

/**
 * Dataset import benchmark: a realistic 10,000-row CSV (multi-line quoted bodies, commas, quotes, tags, a
 * formula-looking cell now and then) built in memory, then decode → parse → suggestMapping → applyMapping,
 * as the import handler will run it. Prints wall time and rows per second; the target is under 3 s.
 *
 *   npx tsx bench/dataset-import.ts [rows]     (or `npm run bench` for every benchmark)
 */
import { performance } from 'node:perf_hooks'
import { stringify } from 'csv-stringify/sync'
import {
  applyMapping,
  formatIssue,
  parseDatasetFile,
  suggestMapping,
  toCsv,
} from '../electron/main/core/datasets/files/index'

const SEGMENTS = ['enterprise', 'smb', 'consumer']
const DIFFICULTIES = ['easy', 'medium', 'hard']
const CATEGORIES = ['billing', 'bug', 'shipping', 'account', 'security']
const SENTENCES = [
  'I was charged twice for the same order, can you refund one of the charges?',
  'The app says "error 500" when I export, and then it logs me out.',
  'Since the last update, the dashboard takes forever to load; this is blocking my team.',
  'Où est ma commande ? Elle devait arriver hier.',
  'Please cancel my subscription — I have already asked twice.',
  '=HYPERLINK("http://example.com") was pasted into the form by accident.',
]

/** A deterministic pseudo-random sequence, so every run measures the same file. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** The benchmark's CSV: also what the end-to-end import benchmark feeds through the core. */
export function buildCsv(rows: number): string {
  const next = random(42)
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T
  const header = [
    'id',
    'customer_message',
    'segment',
    'difficulty',
    'channel',
    'expected_category',
    'tags',
    'notes',
  ]
  const records = Array.from({ length: rows }, (_, i) => {
    const body = Array.from({ length: 2 + Math.floor(next() * 6) }, () => pick(SENTENCES)).join('\n')
    const tags = ['refund', 'urgent', 'vip', 'returning'].filter(() => next() < 0.3).join('|')
    return [
      `t-${i + 1}`,
      `Hello,\n${body}\nThanks`,
      pick(SEGMENTS),
      pick(DIFFICULTIES),
      'email',
      pick(CATEGORIES),
      tags,
      '',
    ]
  })
  return stringify([header, ...records])
}

function run(fileName: string, bytes: Uint8Array): { ms: number; cases: number } {
  const start = performance.now()
  const parsed = parseDatasetFile({ fileName, bytes })
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'))
  const mapping = suggestMapping(parsed.table, ['customer_message'])
  const result = applyMapping(parsed.table, mapping)
  if (result.issues.length > 0) throw new Error(result.issues.slice(0, 5).map(formatIssue).join('\n'))
  return { ms: performance.now() - start, cases: result.cases.length }
}

function measure(label: string, fileName: string, bytes: Uint8Array): number {
  const runs = Array.from({ length: 5 }, () => run(fileName, bytes))
  const times = runs.map((r) => r.ms).sort((a, b) => a - b)
  const median = times[2] ?? 0
  const cases = runs[0]?.cases ?? 0
  const mb = (bytes.length / (1024 * 1024)).toFixed(1)
  console.log(`${label}: ${cases.toLocaleString('en-US')} rows, ${mb} MB`)
  console.log(`  decode → parse → suggestMapping → applyMapping, 5 runs`)
  console.log(
    `  fastest ${(times[0] ?? 0).toFixed(0)} ms, median ${median.toFixed(0)} ms, slowest ${(times[4] ?? 0).toFixed(0)} ms` +
      ` → ${Math.round((cases / median) * 1000).toLocaleString('en-US')} rows/s (target: under 3000 ms)`,
  )
  return Math.round(median)
}

/** Runs this benchmark and returns its figures (median milliseconds). */
export function runFileLayerBench(rows = 10_000): Record<string, number> {
  const bytes = new TextEncoder().encode(buildCsv(rows))
  const generic = measure('generic CSV', 'tickets.csv', bytes)
  const parsed = parseDatasetFile({ fileName: 'tickets.csv', bytes })
  if (!parsed.ok) throw new Error('the generated CSV should parse')
  const cases = applyMapping(parsed.table, suggestMapping(parsed.table, ['customer_message'])).cases
  const start = performance.now()
  const exported = toCsv(cases)
  const toCsvMs = performance.now() - start
  console.log(`toCsv: ${cases.length.toLocaleString('en-US')} cases in ${toCsvMs.toFixed(0)} ms`)
  const ours = measure('our CSV export, re-imported', 'export.csv', new TextEncoder().encode(exported))
  return { fileLayerGenericCsvMs: generic, toCsvMs: Math.round(toCsvMs), fileLayerOwnCsvMs: ours }
}

if (process.argv[1]?.endsWith('dataset-import.ts')) runFileLayerBench(Number(process.argv[2] ?? 10_000))

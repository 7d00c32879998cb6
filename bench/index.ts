/**
 * Every benchmark, one after the other: `npm run bench`. Prints each figure as it goes and writes the dataset
 * figures to bench/results-datasets.json and the runner's to bench/results.json, so a change that slows import,
 * curation or runs shows up in review.
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { runEndToEndBench } from './dataset-import-e2e'
import { runFileLayerBench } from './dataset-import'
import { runAggregatesBenches } from './aggregates'
import { runRunnerBench } from './runner'

const rows = 10_000

console.log('— dataset files (parse and map only) —')
const fileLayer = runFileLayerBench(rows)
console.log('\n— datasets through the core (dispatch → SQLite) —')
const endToEnd = await runEndToEndBench(rows)

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
  fileLayer,
  endToEnd,
}
writeFileSync(new URL('./results-datasets.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWrote bench/results-datasets.json')

console.log('\n— eval runner against the mock LLM server (2,000 calls a row) —')
await runRunnerBench()

console.log('\n— summaries and comparisons of a big run (10,000 and 50,000 results) —')
await runAggregatesBenches()

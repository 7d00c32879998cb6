/**
 * Every benchmark, one after the other: `npm run bench`. Prints each figure as it goes and writes the dataset
 * figures to bench/results-datasets.json, so a change that slows import or curation shows up in review.
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { runEndToEndBench } from './dataset-import-e2e'
import { runFileLayerBench } from './dataset-import'

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

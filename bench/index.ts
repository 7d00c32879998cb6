/**
 * Every benchmark, one after the other: `npm run bench`. Prints each figure as it goes and writes the dataset
 * figures to bench/results-datasets.json, the runner's to bench/results.json, the summaries' and comparisons' to
 * bench/results-aggregates.json, the long-text similarity's to bench/results-text-similarity.json, the code
 * scorers' to bench/results-code-scorers.json and the UI's (Chromium against the browser host, 10,000 and 50,000
 * results) to bench/results-ui.json, so a change that slows import, curation, runs, scoring or the screens shows
 * up in review.
 * `npm run bench -- ui` runs the UI benchmark alone (`npm run bench -- ui 10000` one size).
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { runEndToEndBench } from './dataset-import-e2e'
import { runFileLayerBench } from './dataset-import'
import { runAggregatesBenches } from './aggregates'
import { runCodeScorerBench } from './code-scorers'
import { runRunnerBench } from './runner'
import { runTextSimilarityBench } from './text-similarity'
import { runUiBench } from './ui'

const rows = 10_000
const [only, ...sizeArgs] = process.argv.slice(2)
const uiSizes = sizeArgs.map(Number).filter((n) => Number.isInteger(n) && n > 0)

if (only === 'ui') {
  await runUiBench(uiSizes.length > 0 ? uiSizes : undefined)
  process.exit(0)
}

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

console.log('\n— text similarity on long texts (5,500 characters) —')
runTextSimilarityBench()

console.log('\n— code scorers: the sandbox, then the scoring pass over 10,000 results × five code scorers —')
await runCodeScorerBench()

console.log('\n— the UI in Chromium against the browser host (10,000 and 50,000 results) —')
await runUiBench()

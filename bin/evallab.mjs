#!/usr/bin/env node
// The `evallab` command: loads the built CLI (npm run build → out/main/cli.js) and runs it.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(built)) {
  process.stderr.write('Build first: npm run build\n')
  process.exit(3)
}
const { main, processIo } = await import(pathToFileURL(built).href)
// exitCode, not exit(): pending stdout writes to a pipe must be flushed before the process ends.
process.exitCode = await main(process.argv.slice(2), processIo())

#!/usr/bin/env node
// The `evallab` command: loads the built CLI (npm run build → out/main/cli.js) and runs it.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Exit code of a bug in evallab itself (see out/main/cli.js's exitCodes): never 1, which means "gate failed". */
const internalError = 4

/** A crash outside the command's own error handling (loading the build, a stray rejection): one line. */
function crash(error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const flat = message.replace(/\s+/g, ' ').trim()
  process.stderr.write(
    `evallab: internal error (a bug in evallab; set EVALLAB_DEBUG=1 for the stack): ${flat}\n`,
  )
  if (process.env.EVALLAB_DEBUG && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`)
  process.exit(internalError)
}
process.on('uncaughtException', crash)
process.on('unhandledRejection', crash)

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(built)) {
  process.stderr.write('Build first: npm run build\n')
  process.exit(3)
}
try {
  const { main, processIo } = await import(pathToFileURL(built).href)
  // exitCode, not exit(): pending stdout writes to a pipe must be flushed before the process ends.
  process.exitCode = await main(process.argv.slice(2), processIo())
} catch (error) {
  crash(error)
}

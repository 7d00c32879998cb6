// The `evallab` CLI: bin/evallab.mjs loads this build entry (out/main/cli.js) and calls main. Plain Node,
// the same core as the app; never imports Electron.
import type { CliIo } from './io'

export { main, mainUsage } from './main'
export type { CliIo } from './io'

/** The real process's streams and environment, for bin/evallab.mjs. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // A plain copy: process.env is an exotic object (its prototype is not Object.prototype), which
    // schema validators refuse as a record; every command reads this one snapshot instead.
    env: { ...process.env },
    isTTY: process.stderr.isTTY === true,
  }
}

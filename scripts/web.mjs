// `npm run web`: build the app when the sources are newer than the build, then serve it to a browser
// from the Node host. Arguments pass through: --port N, --home DIR, --no-open.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfStale, root } from './build-if-stale.mjs'

buildIfStale()

// A 1 GB heap cap makes V8 collect the SDKs' per-call garbage early (see bench/runner.ts NODE_HEAP_FLAG).
const hostArgs = ['--max-old-space-size=1024', join(root, 'out/main/host.js'), ...process.argv.slice(2)]
const host = spawn(process.execPath, hostArgs, {
  stdio: 'inherit',
})
const forward = (signal) => host.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
host.on('exit', (code) => process.exit(code ?? 0))

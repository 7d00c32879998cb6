import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createEnvironmentSecretStore, openCore, platformDataDir, resolveHome } from '../core'
import { hostToken } from './security'
import { startHost } from './server'

const usage = `Usage: npm run web -- [--port N] [--home DIR] [--no-open]
  --port N     port on 127.0.0.1 (0 = any free port; default 0)
  --home DIR   workspace data folder (default: EVALLAB_HOME, else the desktop app's folder)
  --no-open    do not open a browser
Environment:
  EVALLAB_HOST_TOKEN  the access token to require (at least 24 characters of A-Z a-z 0-9 - _);
                      with a fixed --port, an open page reconnects by itself after a restart.
                      Default: a new random token each start.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      home: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) return void console.log(usage)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`)
  const home = resolveHome(values.home ? ['--home', values.home] : [], process.env, platformDataDir())
  // Keys come from the environment only: a browser page must never be the way a key is typed in or shown.
  const core = openCore({ home, secrets: createEnvironmentSecretStore(process.env) })
  if (core.status.state === 'failed') console.error(`Workspace problem: ${core.status.failure.message}`)
  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url))
  const token = hostToken(process.env['EVALLAB_HOST_TOKEN'])
  const host = await startHost({ dispatch: core.dispatch, bus: core.bus, staticDir, token, port })
  console.log(`Eval Lab is running at ${host.url}`)
  if (!values['no-open']) openBrowser(host.url)
  const stop = (): void => {
    void host.close().finally(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]]
  const child = spawn(command, args, { detached: true, stdio: 'ignore' })
  child.on('error', () => console.log('Open the address above in your browser.'))
  child.unref()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  console.error(usage)
  process.exit(2)
})

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createEnvironmentSecretStore, openCore, platformDataDir, resolveHome } from '../core'
import { hostUsage, parseHostArgs } from './args'
import { hostToken } from './security'
import { startHost } from './server'

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2))
  if (args.help) return void console.log(hostUsage)
  const home = resolveHome(args.home ? ['--home', args.home] : [], process.env, platformDataDir())
  // Keys come from the environment only: a browser page must never be the way a key is typed in or shown.
  const core = openCore({
    home,
    secrets: createEnvironmentSecretStore(process.env),
    seedDemo: args.seedDemo,
  })
  if (core.status.state === 'failed') console.error(`Workspace problem: ${core.status.failure.message}`)
  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url))
  const token = hostToken(process.env['EVALLAB_HOST_TOKEN'])
  const host = await startHost({ dispatch: core.dispatch, bus: core.bus, staticDir, token, port: args.port })
  console.log(`Eval Lab is running at ${host.url}`)
  if (args.openBrowser) openBrowser(host.url)
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
  console.error(hostUsage)
  process.exit(2)
})

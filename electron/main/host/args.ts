import { parseArgs } from 'node:util'

export const hostUsage = `Usage: npm run web -- [--port N] [--home DIR] [--no-open] [--no-demo]
  --port N     port on 127.0.0.1 (0 = any free port; default 0)
  --home DIR   workspace data folder (default: EVALLAB_HOME, else the desktop app's folder)
  --no-open    do not open a browser
  --no-demo    start a new workspace empty instead of seeding the demo (an existing one is unchanged)
Environment:
  EVALLAB_HOST_TOKEN  the access token to require (at least 24 characters of A-Z a-z 0-9 - _);
                      with a fixed --port, an open page reconnects by itself after a restart.
                      Default: a new random token each start.`

export interface HostArgs {
  help: boolean
  port: number
  home: string | undefined
  openBrowser: boolean
  /** Seed the demo workspace when the data folder holds no database yet. */
  seedDemo: boolean
}

/** The host's command line; a bad value throws with the flag named (the caller prints the usage). */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      home: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`)
  return {
    help: values.help,
    port,
    home: values.home,
    openBrowser: !values['no-open'],
    seedDemo: !values['no-demo'],
  }
}

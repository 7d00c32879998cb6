import v8 from 'node:v8'

/**
 * The V8 flags the desktop app runs with, in one place: `npm start` passes the same switch on the command
 * line (package.json), and a packaged app, which has no npm script, gets it here.
 *
 * Why a relaunch: V8 sizes the main process's heap before any of our code runs. `--js-flags` given at
 * startup applies to the main process and every renderer (Electron's command-line-switches docs: "In order
 * to enable the flags in the main process, this switch must be passed on startup");
 * `app.commandLine.appendSwitch('js-flags', …)` reaches renderers only, and `v8.setFlagsFromString` leaves
 * heap_size_limit as it was (checked). So a packaged app started without the switch starts itself again
 * with it (`app.relaunch` + `app.exit`, before the single-instance lock), once: the new process has the
 * switch, so it never relaunches.
 *
 * The cap (see bench/runner.ts NODE_HEAP_FLAG): under V8's default ~4 GB limit the SDKs' per-call garbage
 * is collected late and a run's RSS climbs 100+ MB higher.
 */
export const HEAP_CAP_MB = 1024
export const JS_FLAGS = `--max-old-space-size=${HEAP_CAP_MB}`

/** A limit within this of the cap means the cap is already in force (young generation comes on top). */
const CAP_SLACK_MB = 256

export interface LaunchState {
  packaged: boolean
  argv: readonly string[]
  /**
   * The watched switches (WATCHED_SWITCHES) on Chromium's command line. process.argv alone is not enough:
   * Playwright's Electron loader removes its own --inspect=0 and --remote-debugging-port=0 from it.
   */
  switches: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** v8.getHeapStatistics().heap_size_limit of this process. */
  heapLimitBytes: number
}

export type LaunchDecision =
  | { action: 'relaunch'; args: string[] }
  /** Go on in this process; `rendererFlags` means renderers still need the switch appended. */
  | { action: 'continue'; rendererFlags: boolean; warning?: string }

/** Tools that attach to this very process: a relaunched one would leave them talking to nothing. */
const ATTACHED_TOOL_SWITCHES = ['inspect', 'inspect-brk', 'remote-debugging-port', 'remote-debugging-pipe']
export const WATCHED_SWITCHES = ['js-flags', ...ATTACHED_TOOL_SWITCHES]

const hasSwitch = (state: LaunchState, name: string): boolean =>
  state.switches.includes(name) ||
  state.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))

function whyNotRelaunch(state: LaunchState): string | undefined {
  // The AppImage runtime unmounts the image when this process exits, under the relauncher Electron starts
  // from it (electron-builder issues #1727, #4650): the app would not come back.
  if (state.env.APPIMAGE) return 'started from an AppImage, which cannot relaunch itself'
  if (ATTACHED_TOOL_SWITCHES.some((name) => hasSwitch(state, name)))
    return 'a debugger or test driver is attached to this process'
  return undefined
}

export function decideLaunch(state: LaunchState): LaunchDecision {
  // Given at startup (npm start, a user's own flags, or our relaunch): it already applies everywhere.
  if (hasSwitch(state, 'js-flags')) return { action: 'continue', rendererFlags: false }
  // From source without the switch (`npm run dev`): as before, untouched.
  if (!state.packaged) return { action: 'continue', rendererFlags: false }
  if (state.heapLimitBytes <= (HEAP_CAP_MB + CAP_SLACK_MB) * 2 ** 20)
    return { action: 'continue', rendererFlags: true }
  const reason = whyNotRelaunch(state)
  if (reason) {
    const warning = `the main process runs without the ${HEAP_CAP_MB} MB heap cap: ${reason} (start it with --js-flags=${JS_FLAGS} to apply it)`
    return { action: 'continue', rendererFlags: true, warning }
  }
  return { action: 'relaunch', args: [...state.argv.slice(1), `--js-flags=${JS_FLAGS}`] }
}

/** The part of Electron's `app` this module uses. */
export interface LaunchApp {
  isPackaged: boolean
  relaunch(options: { args: string[] }): void
  exit(exitCode: number): void
  commandLine: { appendSwitch(name: string, value: string): void; hasSwitch(name: string): boolean }
}

export function currentLaunchState(app: Pick<LaunchApp, 'isPackaged' | 'commandLine'>): LaunchState {
  return {
    packaged: app.isPackaged,
    argv: process.argv,
    switches: WATCHED_SWITCHES.filter((name) => app.commandLine.hasSwitch(name)),
    env: process.env,
    heapLimitBytes: v8.getHeapStatistics().heap_size_limit,
  }
}

/**
 * Applies the launch flags before anything else in main. Returns true when this process is relaunching
 * (app.exit has been called): the caller must then do nothing more, not even take the single-instance lock.
 */
export function applyLaunchFlags(app: LaunchApp, state: LaunchState = currentLaunchState(app)): boolean {
  const decision = decideLaunch(state)
  if (decision.action === 'relaunch') {
    app.relaunch({ args: decision.args })
    app.exit(0)
    return true
  }
  if (decision.warning) console.warn(`[main] ${decision.warning}`)
  if (decision.rendererFlags) app.commandLine.appendSwitch('js-flags', JS_FLAGS)
  return false
}

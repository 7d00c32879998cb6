/**
 * Where this page runs: the desktop app (the preload's bridge is there) or a browser served by the Eval Lab
 * host (`npm run web`). Advice differs: a browser user restarts the host, not the app, and has no native
 * dialogs or menus.
 */
export type AppMode = 'desktop' | 'browser'

export function appMode(win: Pick<Window, 'evalLab'> = window): AppMode {
  return win.evalLab ? 'desktop' : 'browser'
}

/** How to start Eval Lab again, in words this mode's user can follow. */
export function restartAdvice(mode: AppMode): string {
  return mode === 'desktop'
    ? 'quit Eval Lab and open it again'
    : 'stop the Eval Lab host (Ctrl+C where it runs) and start it again, then open the address it prints'
}

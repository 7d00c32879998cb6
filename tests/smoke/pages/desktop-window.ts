import type { Locator, Page } from '@playwright/test'

/** What the preload put on the page, as the page sees it. */
export interface BridgeSurface {
  /** Own keys of window.evalLab, sorted, each with its typeof. */
  evalLab: string[]
  evalLabShell: string[]
  /** Every window property whose name starts with evalLab (the bridge must add no others). */
  bridgeGlobals: string[]
  /** Node or Electron names found on window (must be none in a sandboxed, isolated renderer). */
  nodeGlobals: string[]
}

/** Node and Electron globals a leaky preload would hand the page. */
export const nodeGlobalNames = [
  'require',
  'process',
  'Buffer',
  'global',
  'module',
  'exports',
  'ipcRenderer',
  'electron',
  'setImmediate',
  '__dirname',
  '__filename',
] as const

/** The page's window as these probes use it (the specs compile without the DOM library). */
interface ProbedWindow {
  [name: string]: unknown
  open(url: string): unknown
  location: { href: string }
  document: {
    createElement(tag: 'a'): {
      href: string
      textContent: string
      style: Record<string, string>
      setAttribute(name: string, value: string): void
    }
    body: { append(node: unknown): void }
  }
}

const markName = '__evalLabSmokeMark'
const linkTestId = 'smoke-external-link'

/** The packaged app's window, seen from the page: the bridge, pop-ups, navigation away. */
export class DesktopWindow {
  constructor(readonly page: Page) {}

  /** The header's workspace label; its title names the data folder the app opened. */
  get dataFolder(): Locator {
    return this.page.getByTitle(/^Data folder: /)
  }

  async bridgeSurface(): Promise<BridgeSurface> {
    return this.page.evaluate((names) => {
      const win = globalThis as unknown as ProbedWindow
      const described = (value: unknown) =>
        value && typeof value === 'object'
          ? Object.keys(value)
              .sort()
              .map((key) => `${key}:${typeof (value as Record<string, unknown>)[key]}`)
          : [`(${typeof value})`]
      return {
        evalLab: described(win.evalLab),
        evalLabShell: described(win.evalLabShell),
        bridgeGlobals: Object.getOwnPropertyNames(win)
          .filter((name) => name.startsWith('evalLab'))
          .sort(),
        nodeGlobals: names.filter((name) => name in win),
      }
    }, nodeGlobalNames)
  }

  /** What window.open returned: null when the app refused the pop-up. */
  async openPopup(url: string): Promise<'null' | 'a window'> {
    return this.page.evaluate((target) => {
      const opened = (globalThis as unknown as ProbedWindow).open(target)
      return opened === null ? 'null' : 'a window'
    }, url)
  }

  /** Marks this document, so a later check tells whether it was replaced by a navigation. */
  async markDocument(): Promise<void> {
    await this.page.evaluate((name) => {
      ;(globalThis as unknown as ProbedWindow)[name] = true
    }, markName)
  }

  async isMarkedDocument(): Promise<boolean> {
    return this.page.evaluate((name) => (globalThis as unknown as ProbedWindow)[name] === true, markName)
  }

  async assignLocation(url: string): Promise<void> {
    await this.page.evaluate((target) => {
      ;(globalThis as unknown as ProbedWindow).location.href = target
    }, url)
  }

  /** A plain link to `url` added to the page (the app has none to a foreign site by design). */
  async addLink(url: string): Promise<Locator> {
    await this.page.evaluate(
      ({ target, testId }) => {
        const doc = (globalThis as unknown as ProbedWindow).document
        const link = doc.createElement('a')
        link.href = target
        link.textContent = 'Leave the app'
        link.setAttribute('data-testid', testId)
        // On top of the app's full-window layout, so the click lands on the link itself.
        Object.assign(link.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647' })
        doc.body.append(link)
      },
      { target: url, testId: linkTestId },
    )
    return this.page.getByTestId(linkTestId)
  }
}

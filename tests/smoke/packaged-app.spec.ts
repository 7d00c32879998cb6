import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppPage } from '../e2e/pages/app-page'
import { DatasetsPage } from '../e2e/pages/datasets-page'
import { PromptsPage } from '../e2e/pages/prompts-page'
import { RunsPage } from '../e2e/pages/runs-page'
import { expect, packagedApp, test } from './fixtures'
import { workspaceFileName } from './isolation'
import { HEAP_CAP_MB } from '../../electron/main/launch-flags'
import {
  mainHeapLimitMb,
  navigationAttempts,
  openWindowCount,
  recordNavigations,
  userDataPath,
} from './main-process'
import { DesktopWindow } from './pages/desktop-window'

// The installed app as a user starts it (tests/smoke/fixtures.ts). Where there is none, every test here
// is skipped with the reason, printed after the run by tests/smoke/skip-reasons-reporter.ts.
const decision = packagedApp()
test.skip(decision.kind === 'skip', decision.kind === 'skip' ? decision.reason : '')

// The demo dataset has 145 cases; one prompt version on the two simulated models is 290 calls.
const demoCalls = 290

/** The window's address without the in-app route (the renderer routes in the hash). */
function documentAddress(url: string): string {
  return url.split('#')[0] ?? url
}

test('the window opens on the demo workspace, kept in the user-data folder', async ({ desktop }) => {
  const app = new AppPage(desktop.window)
  await app.waitReady()
  await app.nav('prompts').click()
  const prompts = new PromptsPage(desktop.window)
  for (const name of ['Ticket triage', 'Reply drafter', 'Triage router']) {
    await expect(prompts.promptItem(name)).toBeVisible()
  }
  await app.nav('datasets').click()
  await expect(new DatasetsPage(desktop.window).datasetItems()).toContainText(['Triage golden set'])

  const userData = await userDataPath(desktop.app)
  if (desktop.isolation.expectedUserData) expect(userData).toBe(desktop.isolation.expectedUserData)
  test.info().annotations.push({ type: 'userData', description: userData })
  expect(existsSync(join(userData, workspaceFileName)), `${workspaceFileName} in ${userData}`).toBe(true)
  // The workspace the window shows is that one, not another folder holding a copy.
  await expect(new DesktopWindow(desktop.window).dataFolder).toHaveAttribute(
    'title',
    `Data folder: ${userData}`,
  )
})

test('the preload exposes exactly { rpc, on } and the folder picker, and nothing of Node', async ({
  desktop,
}) => {
  await new AppPage(desktop.window).waitReady()
  const surface = await new DesktopWindow(desktop.window).bridgeSurface()
  expect(surface.evalLab).toEqual(['on:function', 'rpc:function'])
  expect(surface.evalLabShell).toEqual(['chooseFolder:function'])
  expect(surface.bridgeGlobals).toEqual(['evalLab', 'evalLabShell'])
  expect(surface.nodeGlobals).toEqual([])
})

test('a demo run completes on the simulated demo models', async ({ desktop }) => {
  const app = new AppPage(desktop.window)
  const runs = new RunsPage(desktop.window)
  await app.waitReady()
  await app.nav('runs').click()
  await runs.planDemoRun({ prompt: 'Ticket triage', versions: [2], concurrency: 4, name: 'Packaged smoke' })
  await expect(runs.estimate('calls')).toContainText(String(demoCalls))
  await runs.start()
  await expect(runs.runRow('Packaged smoke')).toBeVisible()
  await runs.waitForStatus('completed', 90_000)
  await runs.waitForDone(demoCalls)
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(demoCalls))
})

test('window.open is refused: it returns null and no second window opens', async ({ desktop }) => {
  await new AppPage(desktop.window).waitReady()
  expect(await new DesktopWindow(desktop.window).openPopup('https://example.com/')).toBe('null')
  expect(await openWindowCount(desktop.app)).toBe(1)
  expect(desktop.app.windows()).toHaveLength(1)
})

test('navigating away, by assignment or by a link, leaves the window on the app', async ({ desktop }) => {
  const window = new DesktopWindow(desktop.window)
  await new AppPage(desktop.window).waitReady()
  const appAddress = documentAddress(desktop.window.url())
  await window.markDocument()
  await recordNavigations(desktop.app)

  await window.assignLocation('https://example.com/')
  await expect
    .poll(() => navigationAttempts(desktop.app))
    .toContainEqual({ url: 'https://example.com/', refused: true })

  const link = await window.addLink('https://example.com/from-a-link')
  await link.click()
  await expect
    .poll(() => navigationAttempts(desktop.app))
    .toContainEqual({ url: 'https://example.com/from-a-link', refused: true })

  await expect(desktop.window).toHaveURL((url) => documentAddress(url.href) === appAddress)
  expect(await window.isMarkedDocument()).toBe(true)
  expect(await navigationAttempts(desktop.app)).toEqual(
    expect.not.arrayContaining([expect.objectContaining({ refused: false })]),
  )
})

test('the packaged Electron applies the heap cap switch to its main process', async ({ desktop }) => {
  // What the relaunch and the Linux menu entry rely on: --js-flags given at startup sizes the main heap.
  const limit = await mainHeapLimitMb(desktop.app)
  expect(limit).toBeGreaterThanOrEqual(HEAP_CAP_MB)
  // The young generation comes on top of the old-space cap; V8's default is about 4 GB.
  expect(limit).toBeLessThan(HEAP_CAP_MB + 256)
})

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppPage } from './pages/app-page'
import { BaselinesPage } from './pages/baselines-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

const march = 'triage-sim-2026-03'

// Starts from the worker's scored demo run (v4 and v5 over both simulated models) instead of running one.
test.use({ startFrom: 'scored-demo' })

test('a PM signs off a baseline with a key, exports it to a team folder, verifies it, sees tampering named, and imports it', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  const baselines = new BaselinesPage(page)
  await app.open(host.url)
  await app.waitReady()

  await app.nav('settings').click()
  const key = await baselines.createSigningKey('Priya Shah')
  await expect(key).toContainText(/[0-9a-f]{16}/)

  await app.nav('runs').click()
  await runs.runRow(scoredDemoRun).click()
  await scoring.showSummary()
  await baselines.signOff(scoring.slice(4, march), {
    name: 'Priya Shah',
    role: 'PM',
    comment: 'Golden set reviewed; ships as the triage baseline',
    withKey: true,
  })
  await expect(page.getByTestId('signoff-result')).toContainText(/signed with key [0-9a-f]{16}/)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('signoff-result')).toBeHidden()

  await app.nav('prompts').click()
  await baselines.openPromptBaselineTab('Ticket triage')
  const signoff = baselines.signoffRows().filter({ hasText: 'Priya Shah' })
  await expect(signoff).toContainText('PM')
  await expect(signoff).toContainText(/signed/i)

  const evals = join(host.home, 'team-repo', 'evals')
  const exported = await baselines.exportTo(evals)
  await expect(exported).toContainText('baseline/results.jsonl')
  await expect(exported).toContainText('manifest.json')

  const folder = join(evals, 'ticket-triage')
  await expect(await baselines.verify(folder)).toContainText('Verified')

  // One changed byte in the signed results is named.
  const results = join(folder, 'baseline', 'results.jsonl')
  const original = readFileSync(results, 'utf8')
  writeFileSync(results, original.replace('"attempts":1', '"attempts":2'))
  const tampered = await baselines.verify(folder)
  await expect(tampered).toContainText('baseline/results.jsonl')
  await expect(tampered).not.toContainText('Verified')

  // The untouched folder imports back into the workspace it came from without changing anything.
  writeFileSync(results, original)
  await expect(await baselines.verify(folder)).toContainText('Verified')
  await expect(await baselines.importFrom(folder)).toContainText(/Ticket triage/)
})

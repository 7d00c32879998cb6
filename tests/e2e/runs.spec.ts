import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppPage } from './pages/app-page'
import { RunsPage } from './pages/runs-page'
import { startHostProcess } from './host-process'
import { expect, test } from './fixtures'

// The demo dataset has 145 cases; one prompt version × the two simulated models is 290 calls.
const demoCalls = 290

test('a demo run starts from the UI, shows live progress, cancels, resumes and shows every result', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('runs').click()
  await expect(page.getByTestId('runs-list')).toContainText(/start a run/i)

  await runs.planDemoRun({ prompt: 'Ticket triage', versions: [2], concurrency: 3, name: 'Demo sims' })
  await expect(runs.estimate('calls')).toContainText(String(demoCalls))
  await expect(runs.estimate('cost')).toContainText('$0')
  await expect(runs.estimate('time')).not.toBeEmpty()
  await runs.start()

  await expect(runs.runRow('Demo sims')).toBeVisible()
  await runs.waitForStatus('running')
  await expect.poll(() => runs.done(), { timeout: 20_000 }).toBeGreaterThan(10)
  await expect(page.getByTestId('run-rate')).toContainText(/\d/)
  await expect(page.getByTestId('run-eta')).toContainText(/\d/)

  await runs.control('cancel')
  await runs.waitForStatus('cancelled')
  // Once cancelled, the progress bar and the results grid agree on what was kept, short of every call.
  await expect
    .poll(async () => {
      const total = await runs.resultsTotal.getAttribute('data-total')
      return total !== null && Number(total) === (await runs.done()) ? Number(total) : -1
    })
    .toBeGreaterThan(0)
  await expect(runs.progress).not.toHaveAttribute('aria-valuenow', String(demoCalls))

  await page.getByTestId('run-resume').click()
  await runs.waitForStatus('completed', 45_000)
  await runs.waitForDone(demoCalls)
  await expect(page.getByTestId('run-done')).toContainText(`${demoCalls} / ${demoCalls}`)
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(demoCalls))

  // Every result is there, and filters narrow the grid through the API.
  await page.getByTestId('results-filter-model').selectOption({ label: 'demo/triage-sim-2026-09' })
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(demoCalls / 2))
  await page.getByTestId('results-filter-status').selectOption('ok')
  await expect(runs.resultRows('error')).toHaveCount(0)

  // The detail panel shows the request and the response as text.
  await runs.resultRows().first().click()
  const detail = page.getByTestId('result-detail')
  await expect(detail).toBeVisible()
  await expect(page.getByTestId('result-request')).toContainText(/system|user/i)
  await expect(page.getByTestId('result-response')).not.toBeEmpty()
})

test('a run cut off by closing the app is offered for resume when it opens again', async ({ page }) => {
  // Its own data folder, kept across the two starts of the host (and removed at the end).
  const home = mkdtempSync(join(tmpdir(), 'evallab-e2e-resume-'))
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  try {
    const first = await startHostProcess({ home })
    await app.open(first.url)
    await app.waitReady()
    await app.nav('runs').click()
    await runs.planDemoRun({ prompt: 'Ticket triage', versions: [1], concurrency: 2, name: 'Cut short' })
    await runs.start()
    await expect.poll(() => runs.done(), { timeout: 20_000 }).toBeGreaterThan(5)
    await page.goto('about:blank')
    await first.stop()

    // The next start finds the run interrupted: completed results are kept, only the rest is called.
    const second = await startHostProcess({ home })
    try {
      await app.open(second.url)
      await app.waitReady()
      await app.nav('runs').click()
      const offer = page.getByTestId('resume-offer')
      await expect(offer).toContainText(/interrupted/i)
      await offer.getByTestId('resume-offer-resume').first().click()
      await runs.runRow('Cut short').click()
      await runs.waitForStatus('completed', 45_000)
      await runs.waitForDone(demoCalls)
      await expect(runs.resultsTotal).toHaveAttribute('data-total', String(demoCalls))
    } finally {
      await second.stop()
    }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
})

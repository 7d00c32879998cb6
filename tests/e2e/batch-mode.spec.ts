import { AppPage } from './pages/app-page'
import { BatchRunPage } from './pages/batch-run-page'
import { RunsPage } from './pages/runs-page'
import { expect, test } from './fixtures'

// One prompt version × the two simulated models over the demo dataset's 145 cases.
const demoCalls = 290

test('a batch-mode demo run: both estimates, the per-provider line, the wait, and "batch" latency', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const batch = new BatchRunPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('runs').click()

  await runs.planDemoRun({ prompt: 'Ticket triage', versions: [2], concurrency: 4, name: 'Demo batch' })
  await expect(runs.estimate('calls')).toContainText(String(demoCalls))
  // Both modes side by side: the simulated model is free either way; batch jobs answer within 24 hours.
  await expect(batch.modeFigure('stream', 'cost')).toHaveText('$0')
  await expect(batch.modeFigure('batch', 'cost')).toHaveText('$0')
  await expect(batch.modeFigure('batch', 'time')).toHaveText('within 24 h')
  await expect(batch.support('demo')).toHaveAttribute('data-supported', 'true')
  await expect(batch.support('demo')).toContainText('batch job')

  await batch.mode('batch').focus()
  await page.keyboard.press('Space')
  await expect(batch.mode('batch')).toBeChecked()
  await expect(runs.estimate('time')).toHaveText('within 24 h')
  await runs.start()

  await expect(runs.runRow('Demo batch')).toBeVisible()
  await expect(batch.waitLine).toContainText(/Waiting for the provider \(batch (submitted|being prepared)/)
  await expect(batch.waitLine).toContainText(`/ ${demoCalls} done`)
  await expect(batch.jobs().first()).toBeVisible()
  await runs.waitForStatus('completed', 60_000)
  await runs.waitForDone(demoCalls)
  await expect(batch.waitLine).toHaveCount(0)
  await expect(batch.jobs('collected').first()).toBeVisible()

  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(demoCalls))
  await expect(batch.latencyCells.first()).toHaveText('batch')
  await runs.resultRows().first().click()
  await expect(page.getByTestId('result-detail').getByTestId('result-latency')).toContainText(
    'first token not applicable',
  )
})

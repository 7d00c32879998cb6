import { AppPage } from './pages/app-page'
import { PlaygroundPage } from './pages/playground-page'
import { PromptsPage } from './pages/prompts-page'
import { expect, test } from './fixtures'

test('playground on the demo: 2 cases × 2 models stream 4 scored answers, saved as a run that opens in Compare', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('prompts').click()
  const prompts = new PromptsPage(page)
  await prompts.openPrompt('Ticket triage')

  const playground = new PlaygroundPage(page)
  await playground.open()
  await expect(playground.tried).toContainText('as saved')
  await playground.selectDataset('Triage golden set')
  const keys = await playground.firstCaseKeys(2)
  for (const key of keys) await playground.case(key).check()
  await playground.addModel('triage-sim-2026-03')
  await page.keyboard.press('Control+Enter')

  await expect(playground.answers).toHaveCount(4)
  await expect(playground.doneAnswers()).toHaveCount(4)
  for (const key of keys)
    await expect(playground.tab.getByRole('region', { name: `Case ${key}` })).toBeVisible()
  // Every answer has its fast scores (the suite's schema check and field rules), tokens and latency.
  for (let i = 0; i < 4; i++) {
    const answer = playground.answers.nth(i)
    await expect(
      answer.locator('[data-testid="playground-score"][data-metric="format.json_schema"]'),
    ).toHaveCount(1)
    await expect(answer.getByTestId('playground-tokens')).toContainText(' in · ')
    await expect(answer.getByTestId('playground-latency')).toContainText('ms')
  }

  await playground.saveButton.click()
  await expect(playground.saved).toContainText('Saved as run')
  await playground.openInCompare.click()
  // One version × two models: both answers' slices, scored.
  await expect(playground.compareSlices).toHaveCount(2)
})

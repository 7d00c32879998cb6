import { AppPage } from './pages/app-page'
import { PromptsPage } from './pages/prompts-page'
import { RegistryPage } from './pages/registry-page'
import { expect, test } from './fixtures'

/** An element as read in the page (these specs compile without the DOM library). */
interface Attributed {
  getAttribute(name: string): string | null
}

test('a prompt lives through versions, a diff, promotions with approval, a rollback and its history', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  const registry = new RegistryPage(page)
  await app.open(host.url)
  await app.waitReady()

  await registry.createPrompt({
    name: 'Refund classifier',
    provider: 'openai',
    model: 'gpt-4o-mini-2024-07-18',
    message: 'Classify the ticket: {{subject}}',
    commit: 'First cut',
  })
  await expect(page.getByTestId('prompt-detail')).toContainText('Refund classifier')
  await expect(registry.version(1)).toBeVisible()

  for (const [edit, commit] of [
    ['STRICTER ', 'Be stricter'],
    ['JSONONLY ', 'Answer in JSON only'],
  ] as const) {
    await prompts.typeAtStartOfMessage(0, edit)
    await prompts.saveVersion(commit)
    await expect(prompts.saveStatus).toBeVisible()
  }
  await expect(prompts.versionItems()).toHaveCount(3)

  const promptId = await page
    .getByTestId('prompt-item')
    .filter({ hasText: 'Refund classifier' })
    .getAttribute('data-prompt-id')
  await page.goto(`${host.url.split('?')[0]}#/prompts/${promptId}/diff/1..3`)
  await app.waitReady()
  const diff = page.getByTestId('diff-view')
  await expect(diff).toBeVisible()
  await expect(page.getByTestId('diff-left')).toHaveValue('1')
  await expect(page.getByTestId('diff-right')).toHaveValue('3')
  await expect(page.getByTestId('diff-message-0').locator('.char-insert, .line-insert').first()).toBeVisible()

  await page.getByTestId('tab-editor').click()
  await registry.showVersion(2)
  await registry.promote('staging', 'Ready for QA')
  await expect(registry.envBadge('staging')).toContainText('v2')

  await page.getByTestId('promote-prod').click()
  await expect(registry.gateRequirements().first()).toHaveAttribute('data-satisfied', 'false')
  await page.getByTestId('approve-version').click()
  await page.getByTestId('approval-comment').fill('Checked on the golden set')
  await page.getByTestId('confirm-approval').click()
  await expect(registry.gateRequirements().first()).toHaveAttribute('data-satisfied', 'true')
  await page.getByTestId('promotion-reason').fill('Ship it')
  // No eval suite has run on this new prompt: prod takes it only with a recorded override.
  await expect(page.getByTestId('confirm-promotion')).toBeDisabled()
  await page.getByTestId('gate-override').check()
  await page.getByTestId('gate-override-reason').fill('No eval suite for this prompt yet')
  await page.getByTestId('confirm-promotion').click()
  await expect(registry.envBadge('prod')).toContainText('v2')

  await registry.rollbackProd(1, 'Refund complaints went up')
  await expect(registry.envBadge('prod')).toContainText('v1')

  await page.getByTestId('tab-history').click()
  // The whole list, read again until it matches (the history loads after the tab opens).
  const actions = () =>
    registry
      .historyEntries()
      .evaluateAll((els: Attributed[]) => els.map((el) => el.getAttribute('data-action')))
  await expect
    .poll(actions)
    .toEqual([
      'env.rolled_back',
      'env.promoted',
      'approval.recorded',
      'env.promoted',
      'version.created',
      'version.created',
      'version.created',
      'prompt.created',
    ])
})

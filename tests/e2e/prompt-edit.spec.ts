import { AppPage } from './pages/app-page'
import { PromptsPage } from './pages/prompts-page'
import { expect, test } from './fixtures'

test('edits a prompt in Monaco, saves a new version, and keeps it across a reload', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  await app.open(host.url)
  await app.waitReady()

  await prompts.openPrompt('Ticket triage')
  await expect(prompts.versionItems()).toHaveCount(5)
  await prompts.typeAtStartOfMessage(0, 'EDITED_IN_E2E ')
  await expect(page.getByTestId('draft-dirty')).toBeVisible()
  await prompts.saveVersion('Mark the system prompt from the e2e test')
  await expect(prompts.saveStatus).toHaveText('Saved as v6.')

  await page.reload()
  await app.waitReady()
  await prompts.openPrompt('Ticket triage')
  await expect(prompts.versionItems()).toHaveCount(6)
  await expect(prompts.versionItems().first()).toContainText('Mark the system prompt from the e2e test')
  await expect(prompts.messageEditor(0)).toContainText('EDITED_IN_E2E')
})

test('never requests anything from another origin', async ({ page, host }) => {
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(host.url).origin) && !request.url().startsWith('blob:')) {
      foreign.push(request.url())
    }
  })
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await new PromptsPage(page).openPrompt('Reply drafter')
  await expect(new PromptsPage(page).messageEditor(0)).toBeVisible()
  expect(foreign).toEqual([])
})

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

test('adds a tool and the conversation placeholder, saves, and sees them after a reload and in the diff', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await prompts.openPrompt('Reply drafter')

  await prompts.addPlaceholder()
  await expect(prompts.placeholder(1)).toContainText("The case's conversation goes here")
  await prompts.addExampleTool()
  await expect(prompts.toolsEditor()).toContainText('my_tool')
  // Typed into Monaco: the tools are checked as they change, and a broken array cannot be saved.
  await prompts.typeAtStartOfTools('x')
  await expect(prompts.toolsProblems).toContainText('Not valid JSON')
  await page.keyboard.press('Backspace')
  await expect(prompts.toolsProblems).toHaveCount(0)
  await prompts.toolChoice.selectOption('tool:my_tool')
  await prompts.stepLimit.fill('2')
  await prompts.saveVersion('Offer my_tool and place the conversation')
  await expect(prompts.saveStatus).toContainText('Saved as v')

  await page.reload()
  await app.waitReady()
  await prompts.openPrompt('Reply drafter')
  await expect(prompts.versionItems().first()).toContainText('Offer my_tool and place the conversation')
  await expect(prompts.placeholder(1)).toBeVisible()
  await expect(prompts.toolsEditor()).toContainText('"my_tool"')
  await expect(prompts.toolChoice).toHaveValue('tool:my_tool')
  await expect(prompts.stepLimit).toHaveValue('2')

  await prompts.showDiff()
  await expect(prompts.diffTool('my_tool')).toHaveAttribute('data-status', 'added')
  await expect(prompts.diffParamRow('toolChoice')).toHaveAttribute('data-changed', 'true')
  await expect(prompts.diffParamRow('maxToolSteps')).toContainText('2')
  await expect(page.getByTestId('diff-message-1')).toContainText('Conversation')
})

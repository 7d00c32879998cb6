import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppPage } from './pages/app-page'
import { DatasetsPage } from './pages/datasets-page'
import { expect, test } from './fixtures'

const csv = resolve(import.meta.dirname, 'data/support-cases.csv')
const keys = Array.from({ length: 12 }, (_, i) => `T-${101 + i}`)

test('imports a CSV with a mapping, curates it, exports, re-imports and shows the snapshot diff', async ({
  page,
  host,
}, testInfo) => {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('datasets').click()

  await datasets.importFile(
    csv,
    {
      'Ticket ID': { role: 'key' },
      'Subject line': { role: 'var', name: 'subject' },
      Message: { role: 'var', name: 'body' },
      Tier: { role: 'tag', name: 'segment' },
      Lang: { role: 'tag', name: 'lang' },
      'Expected category': { role: 'expected', name: 'category' },
    },
    'Support cases',
  )
  const curatedId = await datasets.openDatasetId('Support cases')
  await expect(page.getByTestId('case-table')).toHaveAttribute('data-total', '12')
  await expect(datasets.cell('T-104', 'tags')).toContainText('lang:es')
  await expect(page).toHaveURL(new RegExp(`#/datasets/${curatedId}$`))
  const curatedUrl = page.url()
  await datasets.snapshot('As imported')

  await datasets.editCell('T-101', 'var:subject', 'Charged twice in March')
  await datasets.selectRange(keys[0] ?? '', keys[9] ?? '')
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '10')
  await datasets.tagSelection('reviewed')

  await page.locator('[data-testid="tag-filter"][data-tag="reviewed"]').click()
  await expect(datasets.rows()).toHaveCount(10)
  await expect(datasets.row('T-112')).toHaveCount(0)

  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const exported = testInfo.outputPath('support-cases-export.csv')
  await (await download).saveAs(exported)
  const text = readFileSync(exported, 'utf8')
  expect(text).toContain('Charged twice in March')
  expect(text.split('\n').filter((line) => line.startsWith('T-1')).length).toBe(12)

  await datasets.importFile(exported, {}, 'Support cases (re-imported)')
  await datasets.openDatasetId('Support cases (re-imported)')
  await expect(page.getByTestId('case-table')).toHaveAttribute('data-total', '12')
  await expect(datasets.cell('T-101', 'var:subject')).toContainText('Charged twice in March')
  await expect(datasets.cell('T-103', 'tags')).toContainText('reviewed')

  // Back to the curated dataset by its address: the app is already ready, so wait for that dataset itself.
  await datasets.pasteAddress(curatedUrl)
  await expect(datasets.name).toHaveText('Support cases')
  await expect(datasets.detail).toHaveAttribute('data-dataset-id', curatedId)
  await page.getByTestId('dataset-tab-snapshots').click()
  await page.getByTestId('snapshot-compare-working').first().click()
  const diff = page.getByTestId('snapshot-diff')
  await expect(diff).toBeVisible()
  await expect(page.getByTestId('diff-count-edited')).toHaveAttribute('data-count', '10')
  await expect(page.getByTestId('diff-count-added')).toHaveAttribute('data-count', '0')
  const edited = diff.locator('[data-testid="diff-case"][data-key="T-101"]')
  await expect(edited.locator('[data-testid="field-change"][data-field="vars.subject"]')).toBeVisible()
  await expect(edited.locator('[data-testid="field-change"][data-field="tags"]')).toBeVisible()
})

test('imports conversation cases from JSONL, shows their turns as text and edits them', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('datasets').click()

  const dialog = await datasets.openImport(resolve(import.meta.dirname, 'data/support-chats.jsonl'))
  await expect(datasets.mappingRow('messages')).toHaveAttribute('data-role', 'conversation')
  await expect(datasets.mappingRow('tool_results')).toHaveAttribute('data-role', 'toolResults')
  await expect(dialog.getByTestId('case-conversation-badge').first()).toHaveText('3 turns')
  await datasets.confirmImportAsNew('Support chats')
  await datasets.openDatasetId('Support chats')
  await expect(datasets.conversationBadge('chat-1')).toHaveText('3 turns')
  await expect(datasets.conversationBadge('chat-2')).toHaveText('1 turn')
  await expect(datasets.conversationBadge('plain-3')).toHaveCount(0)

  const panel = await datasets.openCasePanel('chat-1')
  const turns = panel.getByTestId('case-panel-turn-content')
  await expect(turns).toHaveCount(3)
  await expect(turns.nth(2)).toHaveValue('The <b>Visa</b> one.')
  await expect(panel.locator('b')).toHaveCount(0)
  await panel.getByTestId('case-panel-add-turn').click()
  await turns.nth(3).fill('Thanks, {{customer}} here.')
  await panel.getByTestId('case-panel-save').click()
  await expect(panel.getByTestId('case-panel-saved')).toBeVisible()
  await expect(datasets.conversationBadge('chat-1')).toHaveText('4 turns')
})

test('an address pasted while the screen changes opens the dataset it names', async ({ page, host }) => {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('datasets').click()
  await page.getByRole('link', { name: 'Triage golden set' }).click()
  const goldenId = await datasets.openDatasetId('Triage golden set')
  await expect(page).toHaveURL(new RegExp(`#/datasets/${goldenId}$`))
  const goldenUrl = page.url()

  await datasets.importFile(csv, { 'Ticket ID': { role: 'key' } }, 'Support cases')
  await datasets.openDatasetId('Support cases')

  // The click lands between the address change and its announcement; the address the user gave wins.
  await datasets.pasteAddress(goldenUrl, 'duplicates')
  await expect(datasets.name).toHaveText('Triage golden set')
  await expect(datasets.detail).toHaveAttribute('data-dataset-id', goldenId)
  await expect(page).toHaveURL(goldenUrl)
})

test('deletes a dataset only after its name is typed', async ({ page, host }) => {
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('datasets').click()
  await page.getByRole('link', { name: 'Triage golden set' }).click()
  await page.getByTestId('delete-dataset').click()
  const confirm = page.getByTestId('confirm-delete-dataset')
  await expect(confirm).toBeDisabled()
  await page.getByTestId('delete-dataset-name').fill('Triage golden set')
  await confirm.click()
  // The demo's other dataset, the routing agent's chats, is all that is left.
  const items = new DatasetsPage(page).datasetItems()
  await expect(items).toHaveCount(1)
  await expect(items).toHaveText(/Triage routing conversations/)
})

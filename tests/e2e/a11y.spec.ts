import { A11yPage, violationReport, type Violation } from './pages/a11y-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

const prompt = 'Ticket triage'
const dataset = 'Triage golden set'
const reviewers: [string, string] = ['Ana', 'Ben']
/** The review queue's items: one sampled case in each of the scored demo run's four slices. */
const queueItems = 4

/**
 * Every screen the accessibility check visits, in order (one opener may build on what an earlier one
 * created). Adding a screen is one line: its name and how to get there (an A11yPage method).
 */
const screens: [name: string, open: (a: A11yPage) => Promise<void>][] = [
  ['shell and prompts', (a) => a.shell()],
  ['prompt editor', (a) => a.promptTab(prompt, 'editor')],
  ['prompt diff', (a) => a.promptTab(prompt, 'diff')],
  ['prompt history', (a) => a.promptTab(prompt, 'history')],
  ['prompt eval suite', (a) => a.promptTab(prompt, 'suite')],
  ['prompt baseline', (a) => a.promptTab(prompt, 'baseline')],
  ['new prompt dialog', (a) => a.newPromptDialog()],
  ['promotion dialog', (a) => a.promotionDialog(prompt)],
  ['datasets', (a) => a.datasetList()],
  ['new dataset dialog', (a) => a.newDatasetDialog()],
  ['dataset detail', (a) => a.datasetDetail(dataset)],
  ['case panel', (a) => a.casePanel(dataset, 'tkt-0001')],
  ['snapshot dialog', (a) => a.snapshotDialog(dataset)],
  ['runs', (a) => a.route('runs')],
  ['new run form', (a) => a.newRunForm()],
  ['run results', (a) => a.runDetail(scoredDemoRun, 'results')],
  ['result detail', (a) => a.resultDetail(scoredDemoRun)],
  ['run summary', (a) => a.runDetail(scoredDemoRun, 'summary')],
  ['set baseline dialog', (a) => a.setBaselineDialog(scoredDemoRun)],
  ['review', (a) => a.route('review')],
  ['review queue dialog', (a) => a.queueDialog()],
  ['review item', (a) => a.reviewItem(scoredDemoRun, 'category_correct', reviewers)],
  ['adjudicate with expected update', (a) => a.adjudicateForm(reviewers, queueItems)],
  ['compare', (a) => a.compareSlices(scoredDemoRun)],
  ['production', (a) => a.route('production')],
  ['scorecard', (a) => a.route('scorecard')],
  ['settings', (a) => a.route('settings')],
  ['correct expected on a result', (a) => a.correctExpected(scoredDemoRun)],
  ['prompt playground', (a) => a.playgroundAnswers(prompt, dataset)],
  ['generate cases dialog', (a) => a.generateDialog(dataset)],
  ['drafts review', (a) => a.draftsReview(3)],
  ['first-run guide', (a) => a.firstRunGuide()],
]

test.use({ startFrom: 'scored-demo' })

test('every screen of the demo workspace has no serious or critical accessibility violation', async ({
  page,
  host,
}) => {
  // Generous: the first spec of a worker also builds the worker's scored demo run.
  test.setTimeout(180_000)
  const a11y = new A11yPage(page)
  await a11y.app.open(host.url)
  await a11y.app.waitReady()
  const found: Violation[] = []
  for (const [name, open] of screens) {
    await test.step(name, async () => {
      await open(a11y)
      found.push(...(await a11y.scan(name)))
    })
  }
  expect(violationReport(found), 'serious or critical accessibility violations').toBe('')
})

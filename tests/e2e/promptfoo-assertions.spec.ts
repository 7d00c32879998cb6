import { resolve } from 'node:path'
import { AppPage } from './pages/app-page'
import { DatasetsPage } from './pages/datasets-page'
import { PromptfooPage } from './pages/promptfoo-page'
import { ResultDetailPage } from './pages/result-detail-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { expect, test } from './fixtures'

// Four demo tickets with promptfoo assertions (a defaultTest is-json for all): the billing one passes, the
// how-to one fails its `"priority":"p3"` check, the CSV one has a `python` assertion Eval Lab does not run
// (not scored), the outage one passes an llm-rubric graded by the simulated model and a not-contains.
const file = resolve(import.meta.dirname, '../fixtures/promptfoo-path/triage-assertions.yaml')
const dataset = 'Triage promptfoo tests'
const march = 'triage-sim-2026-03'
const runName = 'Triage on promptfoo tests'

test('a promptfoo config with assertions imports, its scorer is added from the banner, and a run scores as promptfoo would', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  const promptfoo = new PromptfooPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  const detail = new ResultDetailPage(page)
  await app.open(host.url)
  await app.waitReady()

  // The wizard's preview names the type it will not run, and counts the llm-rubric that needs a judge.
  await app.nav('datasets').click()
  await datasets.openImport(file)
  await expect(promptfoo.importNotice).toContainText('4 cases carry 11 promptfoo assertions')
  await expect(promptfoo.importNotice).toContainText('1 llm-rubric assertion needs a judge model')
  await expect(promptfoo.importNotRun).toHaveText(
    'Not run by Eval Lab: python ×1 — kept in the case, reported as not scored.',
  )
  await datasets.confirmImportAsNew(dataset)

  // One click adds the scorer to Ticket triage's suite; llm-rubric gets the prompt's simulated model.
  await expect(promptfoo.offer).toContainText('Not run by Eval Lab: python ×1')
  const done = await promptfoo.addScorerTo('Ticket triage')
  await expect(done).toContainText('Added a “promptfoo assertions” scorer (promptfoo.pass) to Ticket triage')
  await expect(done).toContainText(`llm-rubric is graded by demo/${march}`)

  // Ticket triage v4 (pinned to the March simulated model) on the imported tests.
  await app.nav('runs').click()
  await runs.planDemoRun({
    prompt: 'Ticket triage',
    versions: [4],
    models: [`demo/${march}`],
    concurrency: 4,
    name: runName,
  })
  await runs.chooseDataset(`${dataset} (4 cases)`)
  await runs.start()
  await expect(runs.runRow(runName)).toBeVisible()
  await runs.waitForStatus('completed', 60_000)
  await runs.waitForDone(4)

  // Scored tests: billing passes, how-to fails, outage passes; the python one is not scored → 2 of 3.
  await scoring.scoreRun()
  const slice = scoring.slice(4, march)
  const metric = scoring.metric(slice, 'promptfoo.pass')
  await expect(metric).toHaveAttribute('data-value', String(2 / 3))

  // A result shows each assertion's type, verdict and reason (as text).
  await runs.showResults()
  await expect(runs.resultsTotal).toHaveAttribute('data-total', '4')
  await runs.resultRows().filter({ hasText: '"category":"how_to"' }).click()
  await detail.waitLoaded()
  await expect(promptfoo.score('promptfoo.pass')).toHaveAttribute('data-verdict', 'fail')
  await expect(promptfoo.assertions('promptfoo.pass')).toHaveCount(3)
  await expect(promptfoo.assertion('promptfoo.pass', 'contains-any')).toHaveAttribute('data-pass', 'pass')
  const p3 = promptfoo.assertion('promptfoo.pass', 'contains')
  await expect(p3).toHaveAttribute('data-pass', 'fail')
  await expect(p3).toContainText('Expected output to contain ""priority":"p3""')
  await expect(promptfoo.assertion('promptfoo.pass', 'is-json')).toHaveAttribute('data-pass', 'pass')

  // The python test is not scored, and says which assertion was not run.
  await runs.resultRows().filter({ hasText: '"category":"bug"' }).click()
  await expect(promptfoo.assertion('promptfoo.pass', 'python')).toHaveAttribute('data-pass', 'not run')
  await expect(promptfoo.score('promptfoo.pass')).toHaveAttribute('data-verdict', 'none')
  await expect(promptfoo.scoreValue('promptfoo.pass')).toHaveText('not scored')

  // The outage test: the llm-rubric verdict of the simulated grader, with its reason.
  await runs.resultRows().filter({ hasText: '"category":"outage"' }).click()
  const rubric = promptfoo.assertion('promptfoo.pass', 'llm-rubric')
  await expect(rubric).toHaveAttribute('data-pass', 'pass')
  await expect(rubric).toContainText('The output\'s category "outage" is the one the rubric names.')
  await expect(promptfoo.score('promptfoo.pass')).toHaveAttribute('data-verdict', 'pass')
})

import { AppPage } from './pages/app-page'
import { CodeScorerPage } from './pages/code-scorer-page'
import { PromptsPage } from './pages/prompts-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { SuitePage } from './pages/suite-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

const march = 'triage-sim-2026-03'

// Starts from the worker's scored demo run (Ticket triage v4 and v5 over both simulated models).
test.use({ startFrom: 'scored-demo' })

const broken = `function score(output, { expected }) {
  return output.includes(expected.category) &&
}`

// Reads the output JSON, the case's vars and its expected fields; a malformed answer throws (a scoring error).
const scorer = `function score(output, { vars, expected, metadata }) {
  const answer = JSON.parse(output)
  const pass = answer.category === expected.category
  return { pass, score: pass ? 1 : 0, reason: metadata.caseKey + ' via ' + vars.channel + ': ' + answer.category + ' vs ' + expected.category }
}`

test('a code scorer is written on the demo, tried on a stored result, saved with the suite and scores the run', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  const suite = new SuitePage(page)
  const code = new CodeScorerPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('prompts').click()
  await prompts.openPrompt('Ticket triage')
  await suite.open()

  await code.startNew()
  await code.writeSource(broken)
  await expect(code.metric()).toHaveValue('code.score')
  await code.name('code.category_matches', 'Category matches the golden label (code)')
  await code.pickResult('tkt-0001')
  await code.run()
  await expect(code.outcome('error')).toContainText('syntax error (line 3)')

  await code.writeSource(scorer)
  await code.runFromEditor()
  await expect(code.outcome('reason')).toHaveText(/^tkt-0001 via email: \w+ vs billing$/)
  await expect(code.outcome('score')).toHaveText(/^[01]$/)
  await expect(code.outcome('input')).toContainText('"caseKey": "tkt-0001"')
  await expect(code.outcome('input')).toContainText('"needs_human": true')
  await code.add()
  await expect(suite.scorer('code.category_matches')).toContainText('JavaScript, 5 lines')
  await suite.save('Score the category with a code scorer')

  await app.nav('runs').click()
  await runs.runRow(scoredDemoRun).click()
  await scoring.scoreRun()
  const metric = scoring.metric(scoring.slice(4, march), 'code.category_matches')
  await expect(metric).toBeVisible({ timeout: 60_000 })
  // Every result of the slice is scored by the code scorer (n > 0), and the metric has a value.
  await expect(metric).toHaveAttribute('data-n', /^[1-9]\d*$/)
  await expect(metric.getByTestId('summary-metric-value')).toHaveText(/\d/)
})

import { AppPage } from './pages/app-page'
import { PromptsPage } from './pages/prompts-page'
import { RegistryPage } from './pages/registry-page'
import { ResultDetailPage } from './pages/result-detail-page'
import { ReviewPage } from './pages/review-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { expect, test } from './fixtures'

// The demo's "Triage router": v1 pins the March simulated model, v2 the September one, which routes 5 of the
// 20 routable chats wrong (4 to the wrong queue, 1 with arguments that are not JSON).
const march = 'triage-sim-2026-03'
const september = 'triage-sim-2026-09'
const routingDataset = 'Triage routing conversations (24 cases)'
const runName = 'Router March vs September'

test('a PM runs the tool-using router on conversation cases, reads its tool calls and loop steps, and the gate catches the September model on tool.queue', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  const registry = new RegistryPage(page)
  const runs = new RunsPage(page)
  const detail = new ResultDetailPage(page)
  const scoring = new ScoringPage(page)
  const review = new ReviewPage(page)
  await app.open(host.url)
  await app.waitReady()

  // The prompt: system and user messages, then the conversation placeholder; one tool, auto, two steps.
  await prompts.openPrompt('Triage router')
  await registry.showVersion(1)
  await expect(prompts.placeholder(2)).toContainText("The case's conversation goes here")
  await expect(prompts.toolsEditor()).toContainText('"route_ticket"')
  await expect(prompts.toolChoice).toHaveValue('auto')
  await expect(prompts.stepLimit).toHaveValue('2')

  // Both versions × both simulated models over the routing conversations.
  await app.nav('runs').click()
  await runs.planDemoRun({ prompt: 'Triage router', versions: [1, 2], concurrency: 8, name: runName })
  await runs.chooseDataset(routingDataset)
  // 96 results; the estimate counts the tool loop: each case offers a canned result, so two calls a case.
  await expect(runs.estimate('calls')).toHaveText('192')
  await runs.start()
  await expect(runs.runRow(runName)).toBeVisible()
  await runs.waitForStatus('completed', 60_000)
  await runs.waitForDone(96)

  // A conversation case on v1 with the March model: the turns after the user message, the call, the loop.
  await runs.showResults()
  await runs.filterByVersion('Triage router v1')
  await runs.filterByModel(`demo/${march}`)
  await runs.filterByCase('rt-1001')
  await expect(runs.resultsTotal).toHaveAttribute('data-total', '1')
  await runs.resultRows().first().click()
  await detail.waitLoaded()
  await expect(detail.requestMessages()).toHaveCount(4)
  await expect(detail.requestMessages().nth(2)).toHaveAttribute('data-role', 'assistant')
  await expect(detail.requestMessages().nth(2)).toContainText('Was the second charge for the same amount?')
  await expect(detail.requestMessages().nth(3)).toContainText('Yes, both were USD 9,600.')
  await expect(detail.toolCalls()).toHaveCount(1)
  const call = detail.toolCalls('route_ticket')
  await expect(call).toHaveAttribute('data-json', 'true')
  await expect(detail.arguments(call)).toHaveText(
    JSON.stringify({ queue: 'billing', priority: 'p2' }, null, 2),
  )
  await expect(detail.steps).toContainText('2 steps')
  await expect(detail.stepCalls(0)).toHaveCount(1)
  await expect(detail.stepToolResults(0)).toContainText('"queue": "billing"')
  await expect(detail.step(1)).toContainText('Routed to the billing queue')
  await expect(detail.stepCalls(1)).toHaveCount(0)
  await expect(detail.response).toContainText('Routed to the billing queue')
  await expect(detail.attemptCount).toHaveText('2 over 2 steps of the tool loop')

  // The summary: tool metrics per slice, and the gate on tool.queue fails v2 on the September model.
  await scoring.scoreRun()
  const baseline = scoring.slice(1, march)
  const candidate = scoring.slice(2, september)
  await expect(scoring.metric(baseline, 'tool.queue')).toHaveAttribute('data-value', '0.95')
  await expect(scoring.metric(candidate, 'tool.queue')).toHaveAttribute('data-value', '0.75')
  await expect(scoring.metric(candidate, 'tool.called')).toHaveAttribute('data-value', '1')
  await expect(scoring.metric(candidate, 'tool.args_valid')).toBeVisible()
  await expect(scoring.metric(candidate, 'tool.none')).toHaveAttribute('data-value', '0.75')

  const passed = await scoring.evaluateGate(baseline)
  await expect(passed).toHaveAttribute('data-verdict', 'pass')
  const failed = await scoring.evaluateGate(candidate)
  await expect(failed).toHaveAttribute('data-verdict', 'fail')
  const queueRule = scoring.gateRuleOn(failed, 'tool.queue')
  await expect(queueRule).toHaveAttribute('data-verdict', 'fail')
  await expect(scoring.failingCases(queueRule)).toHaveCount(5)

  // Review: a queue of the results failing tool.queue shows each one's call as text.
  await app.nav('review').click()
  await review.createQueue({
    name: 'Misrouted tickets',
    run: runName,
    criterion: 'category_correct',
    sample: { failingOn: 'tool.queue' },
    reviewers: ['Priya'],
    perItem: 1,
  })
  await page.getByTestId('queue-row').filter({ hasText: 'Misrouted tickets' }).click()
  await review.reviewAs('Priya')
  await expect(review.outputToolCalls()).toHaveCount(1)
  await expect(review.outputToolCalls().first()).toHaveAttribute('data-tool', 'route_ticket')
  await expect(review.outputToolCalls().first()).toContainText('queue')
})

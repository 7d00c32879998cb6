import { startMockLlmServer } from '../fixtures/mock-llm'
import { AnswerValve } from './intent-models'
import { AppPage } from './pages/app-page'
import { PairwisePage } from './pages/pairwise-page'
import { SettingsPage } from './pages/settings-page'
import { expect, test } from './fixtures'
import { scoredDemoRun } from './scored-demo'

// The worker's scored demo: Ticket triage v4 and v5 over both simulated models in one run.
test.use({ startFrom: 'scored-demo' })

test('judges v4 on the March model against v5 on the September model pairwise, both orders per case', async ({
  page,
  host,
}) => {
  // Generous: the first spec of a worker also builds the worker's scored demo run.
  test.setTimeout(180_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()
  await app.nav('compare').click()

  const pairwise = new PairwisePage(page)
  await pairwise.pickSlices(
    scoredDemoRun,
    { version: 4, model: 'triage-sim-2026-03' },
    { version: 5, model: 'triage-sim-2026-09' },
  )
  await expect(pairwise.panel.getByTestId('pairwise-a')).toContainText('v4')
  await expect(pairwise.panel.getByTestId('pairwise-b')).toContainText('v5')
  await pairwise.judge('Triage quality (v1)', 'Priority is reasonable', 'demo/triage-sim-2026-03')

  await expect(pairwise.status).toHaveAttribute('data-status', 'completed', { timeout: 60_000 })
  // Every shared case with an output on both sides was judged in both orders.
  await expect(pairwise.figure('judged')).toHaveText(/^(\d+) of \1$/)
  await expect(pairwise.figure('failed')).toHaveText('0')
  await expect(pairwise.figure('win-rate')).toHaveText(/^\d+ % \(95 % CI \d+–\d+ %\)$/)
  // The simulated judge is free: a known $0, not an unknown price.
  await expect(pairwise.figure('cost')).toHaveText('$0.0000')

  // The simulated judge favours the output it sees first on some ties: those cases are ties, both orders kept.
  await pairwise.filter('inconsistent')
  await expect(pairwise.cases.first()).toBeVisible()
  await expect(
    pairwise.panel.locator('[data-testid="pairwise-case"]:not([data-inconsistent="true"])'),
  ).toHaveCount(0)
  await expect(pairwise.cases.first()).toHaveAttribute('data-outcome', 'tie')
  await pairwise.cases.first().click()
  await expect(pairwise.detail.getByTestId('pairwise-judgment')).toHaveCount(2)
  await expect(pairwise.detail.getByTestId('pairwise-output-a')).not.toBeEmpty()
  await expect(pairwise.detail.getByTestId('pairwise-output-b')).not.toBeEmpty()

  // 145 demo cases: a page of 100, then the rest.
  await pairwise.filter('all')
  await expect(pairwise.panel.getByTestId('pairwise-page')).toHaveText(/^1–100 of 14\d$/)
  await expect(pairwise.cases).toHaveCount(100)
  await pairwise.panel.getByTestId('pairwise-next').click()
  await expect(pairwise.panel.getByTestId('pairwise-page')).toHaveText(/^101–14\d of 14\d$/)

  await pairwise.filter('b')
  await expect(pairwise.panel.locator('[data-testid="pairwise-case"]:not([data-outcome="b"])')).toHaveCount(0)
})

test('a stopped pairwise judge keeps its judgments, and "Judge the rest" asks only the missing calls', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  // The team's own judge server: 40 answers go out, then every call is held until the valve opens, so Stop
  // lands while calls are in flight whatever the machine's speed.
  const valve = new AnswerValve()
  valve.allow(40)
  let asked = 0
  const judge = await startMockLlmServer({
    models: ['judge-2026'],
    responder: async () => {
      asked += 1
      await valve.pass()
      return JSON.stringify({ winner: 'tie', reason: 'both name the same priority' })
    },
  })
  try {
    const app = new AppPage(page)
    await app.open(host.url)
    await app.waitReady()
    await app.nav('settings').click()
    await new SettingsPage(page).addOpenAiCompatible({
      name: 'judge-box',
      baseUrl: judge.openaiBaseUrl,
      concurrency: 4,
    })
    await app.nav('compare').click()
    const pairwise = new PairwisePage(page)
    await pairwise.pickSlices(
      scoredDemoRun,
      { version: 4, model: 'triage-sim-2026-03' },
      { version: 5, model: 'triage-sim-2026-09' },
    )
    await pairwise.judge('Triage quality (v1)', 'Priority is reasonable', 'judge-box/judge-2026')
    await expect(pairwise.status).toHaveAttribute('data-status', 'running')
    // The 40 answers are out and the lane's 4 calls wait at the server.
    await expect.poll(() => valve.held, { timeout: 60_000 }).toBe(4)

    await pairwise.stop()
    await expect(pairwise.status).toHaveAttribute('data-status', 'cancelled')
    // The 40 answered calls are kept (a case counts once both its orders are in) and none failed.
    await expect(pairwise.figure('judged')).toHaveText(/^\d+ of 14\d$/)
    await expect(pairwise.figure('failed')).toHaveText('0')
    const [judgedBefore, cases] = ((await pairwise.figure('judged').textContent()) ?? '')
      .split(' of ')
      .map(Number)
    expect(judgedBefore).toBeGreaterThan(0)
    expect(judgedBefore).toBeLessThanOrEqual(20)
    const askedBeforeResume = asked
    expect(askedBeforeResume).toBe(44)

    valve.open()
    await pairwise.resume()
    await expect(pairwise.status).toHaveAttribute('data-status', 'completed', { timeout: 60_000 })
    await expect(pairwise.figure('judged')).toHaveText(`${cases} of ${cases}`)
    await expect(pairwise.figure('ties')).toHaveText(String(cases))
    // Both orders of every case, less the 40 kept: the 4 stopped calls are asked again, nothing else twice.
    expect(asked - askedBeforeResume).toBe(2 * (cases ?? 0) - 40)
  } finally {
    valve.open()
    await judge.close()
  }
})

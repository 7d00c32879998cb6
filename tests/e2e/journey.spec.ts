import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { intentCsv, pinnedModel, regressedModel } from './intent-models'
import { gateInCi } from './journey-ci'
import { cases, git, local, regressedKeys, test, vllm, type ModelServers } from './journey-fixtures'
import { AppPage } from './pages/app-page'
import { BaselinesPage } from './pages/baselines-page'
import { DatasetsPage } from './pages/datasets-page'
import { PromptsPage } from './pages/prompts-page'
import { RegistryPage } from './pages/registry-page'
import { ResultDetailPage } from './pages/result-detail-page'
import { RunsPage } from './pages/runs-page'
import { ScoringPage } from './pages/scoring-page'
import { SettingsPage } from './pages/settings-page'
import { SuitePage } from './pages/suite-page'

/**
 * A team's whole path with its own model server and its own data, never the demo: Settings → import →
 * prompt → run through two providers → suite → baseline → gate and promotion → sign-off and export to git →
 * the `evallab` bin gating that folder in CI. Features that pass alone break at the seams between them.
 */

const prompt = 'Intent router'
const dataset = 'Intent golden set'
const runName = 'January vs June, two servers'

test.use({ hostOptions: { noDemo: true } })

test('a team gates its own model from Settings to the CI bin, with no demo model anywhere', async ({
  page,
  host,
  servers,
  gitRepo,
}) => {
  // The whole path in one test; a budget, not a wait: beside a second worker on a loaded machine it took 4-5 min.
  test.setTimeout(600_000)
  const app = new AppPage(page)
  await app.open(host.url)
  await app.waitReady()

  await test.step('an empty workspace: no demo prompt or dataset', () => emptyWorkspace(page))
  await test.step('add local-llm and vllm-box in Settings', () => addProviders(page, servers))
  await test.step('import the CSV with the suggested mapping', () => importCases(page))
  await test.step('a prompt using {{case.key}}, pinned to local-llm, and v2 on the June model', () =>
    createPrompt(page))
  await test.step('run both model versions and the pinned model through vllm-box', () =>
    runThreeModels(page, servers))
  await test.step('a suite with a schema check, a rule and gate rules', () => defineSuite(page))
  await test.step('score, set the baseline, gate each model', () => scoreAndGate(page))
  await test.step('promotion: blocked for v2, prod for v1 after approval', () => promote(page))
  const signer = await test.step('sign off and export to a git folder', () => signOffAndExport(page, gitRepo))
  const folder = join(gitRepo, 'evals', 'intent-router')
  await test.step('the evallab bin verifies and gates that folder', () =>
    gateInCi(folder, signer, servers, test.info().outputPath()))
})

async function emptyWorkspace(page: Page): Promise<void> {
  const app = new AppPage(page)
  await app.nav('prompts').click()
  await expect(app.screen('prompts')).toBeVisible()
  await expect(new PromptsPage(page).promptItems()).toHaveCount(0)
  await app.nav('datasets').click()
  await expect(app.screen('datasets')).toBeVisible()
  await expect(new DatasetsPage(page).datasetItems()).toHaveCount(0)
}

async function addProviders(page: Page, servers: ModelServers): Promise<void> {
  const app = new AppPage(page)
  const settings = new SettingsPage(page)
  await app.nav('settings').click()
  for (const [name, server] of [
    ['local-llm', servers.local],
    ['vllm-box', servers.vllm],
  ] as const) {
    await settings.addOpenAiCompatible({ name, baseUrl: server.openaiBaseUrl, concurrency: 16 })
    // 127.0.0.1 is this machine: a local server is free, and Settings says why.
    await expect(settings.locality(name)).toHaveAttribute('data-local', 'true')
    // The host's environment has no key for it, and none is needed.
    await expect(settings.keySource(name)).toContainText('optional')
  }
}

async function importCases(page: Page): Promise<void> {
  const app = new AppPage(page)
  const datasets = new DatasetsPage(page)
  await app.nav('datasets').click()
  await datasets.openImport(intentCsv)
  await expect(datasets.mappingRow('id')).toHaveAttribute('data-role', 'key')
  await expect(datasets.keyHint('id')).toContainText('{{case.key}}')
  await expect(datasets.mappingRow('message')).toHaveAttribute('data-role', 'var')
  await expect(datasets.mappingRow('channel')).toHaveAttribute('data-role', 'tag')
  await expect(datasets.mappingRow('expected_intent')).toHaveAttribute('data-role', 'expected')
  await datasets.confirmImportAsNew(dataset)
  // Imported as written: the key, the text (commas and all), the channel as a tag, the label as expected.
  const [first] = cases
  await expect(datasets.cell('IR-01', 'var:message')).toHaveText(first?.message ?? '')
  await expect(datasets.cell('IR-01', 'tags')).toContainText(`channel:${first?.channel}`)
  await expect(datasets.cell('IR-01', 'expected')).toContainText(`intent: ${first?.expected_intent}`)
}

const promptText = `You route a customer's message to one intent: refund, order_status, cancel_subscription,
billing_question or technical_issue. Answer with JSON only: {"intent": "<intent>", "confidence": <0 to 1>}.

Case {{case.key}}: {{message}}`

async function createPrompt(page: Page): Promise<void> {
  const app = new AppPage(page)
  const registry = new RegistryPage(page)
  await app.nav('prompts').click()
  await registry.openNewPrompt()
  // Every configured provider can be pinned, the added ones included.
  await expect(registry.newPromptProviderOptions().filter({ hasText: 'local-llm' })).toHaveCount(1)
  await expect(registry.newPromptProviderOptions().filter({ hasText: 'vllm-box' })).toHaveCount(1)
  await registry.closeNewPrompt()
  await registry.createPrompt({
    name: prompt,
    provider: 'local-llm',
    model: pinnedModel,
    temperature: '0',
    responseFormat: 'json_object',
    message: promptText,
    commit: 'Route intents on the January model',
  })
  await expect(registry.version(1)).toBeVisible()
  await registry.saveWithModel({ provider: 'local-llm', model: regressedModel }, 'Try the June model')
  await expect(registry.version(2)).toHaveAttribute('aria-current', 'true')
}

async function runThreeModels(page: Page, servers: ModelServers): Promise<void> {
  const registry = new RegistryPage(page)
  const runs = new RunsPage(page)
  await registry.runShownVersion()
  // "Run v2…" opens the form on v2 with the model it pins checked.
  await expect(runs.version(2)).toBeChecked()
  await expect(runs.modelOption(local(regressedModel))).toBeChecked()
  await runs.version(1).check()
  await runs.modelOption(local(pinnedModel)).check()
  await runs.addModel(vllm(pinnedModel))
  await expect(runs.checkedModels('demo/')).toHaveCount(0)
  await runs.chooseDataset(`${dataset} (${cases.length} cases)`)
  await runs.callEveryCase({ concurrency: 16, name: runName })
  const calls = 2 * 3 * cases.length
  await expect(runs.estimate('calls')).toContainText(String(calls))
  await cancelAndResume(page, servers, calls)

  // Every result is there, each model through its own provider, as the grid counts them.
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(calls))
  for (const model of [local(pinnedModel), local(regressedModel), vllm(pinnedModel)]) {
    await runs.filterByModel(model)
    await expect(runs.resultsTotal).toHaveAttribute('data-total', String(2 * cases.length))
  }
  await runs.filterByModel('')
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(calls))
  await expect(runs.resultRows('error')).toHaveCount(0)
}

/**
 * Cancelled with calls in flight on both servers, then resumed: the results already stored are kept and
 * never called again, and every missing one is (the calls the cancel cut off included).
 */
async function cancelAndResume(page: Page, servers: ModelServers, calls: number): Promise<void> {
  const runs = new RunsPage(page)
  const answered = 40
  const inFlight = () => servers.local.stats.inFlight + servers.vllm.stats.inFlight
  servers.valve.allow(answered)
  await runs.start()
  await expect(runs.progress).toHaveAttribute('aria-valuenow', String(answered))
  await expect.poll(() => servers.valve.held).toBeGreaterThan(0)
  await runs.control('cancel')
  await runs.waitForStatus('cancelled')
  await expect.poll(inFlight).toBe(0)
  const cutOff = servers.valve.held
  await expect(runs.resultsTotal).toHaveAttribute('data-total', String(answered))

  // The Summary tab, open from the cancelled state on, follows the resumed run to its end by itself.
  const scoring = new ScoringPage(page)
  await scoring.showSummary()
  servers.valve.open()
  await runs.control('resume')
  await runs.waitForStatus('completed', 120_000)
  await expect(scoring.slices()).toHaveCount(6)
  for (const version of [1, 2]) {
    for (const [model, provider] of [
      [pinnedModel, 'local-llm'],
      [regressedModel, 'local-llm'],
      [pinnedModel, 'vllm-box'],
    ] as const) {
      const slice = scoring.slice(version, model, provider)
      await expect(scoring.results(slice)).toHaveText(String(cases.length))
    }
  }
  await runs.showResults()
  expect(servers.local.stats.total + servers.vllm.stats.total).toBe(calls + cutOff)
  expect(servers.vllm.stats.byModel).toEqual({ [pinnedModel]: expect.any(Number) })
}

const intentSchema = {
  type: 'object',
  properties: {
    intent: {
      type: 'string',
      enum: ['refund', 'order_status', 'cancel_subscription', 'billing_question', 'technical_issue'],
    },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
  required: ['intent', 'confidence'],
  additionalProperties: false,
}

async function defineSuite(page: Page): Promise<void> {
  const app = new AppPage(page)
  const suite = new SuitePage(page)
  await app.nav('prompts').click()
  await new PromptsPage(page).openPrompt(prompt)
  await suite.open()
  await suite.addSchemaCheck({ metric: 'format.intent_json', label: 'Intent JSON', schema: intentSchema })
  await suite.addEqualsRule({
    metric: 'rule.intent',
    label: 'Intent matches the golden label',
    path: 'intent',
    expectedField: 'intent',
  })
  await suite.addGate({ kind: 'min_score', metric: 'format.intent_json', value: '99' })
  await suite.addGate({ kind: 'max_drop', metric: 'rule.intent', value: '5' })
  await suite.addGate({ kind: 'max_p95_latency_ms', value: '8' })
  await suite.addGate({ kind: 'max_error_rate', value: '1' })
  await expect(suite.gateTexts()).toHaveCount(4)
  await suite.save('Intent schema, golden-label rule and the release gate')
}

async function scoreAndGate(page: Page): Promise<void> {
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  await app.nav('runs').click()
  await runs.runRow(runName).click()
  await scoring.scoreRun()
  await expect(scoring.slices()).toHaveCount(6)
  const baseline = scoring.slice(1, pinnedModel, 'local-llm')
  const regressed = scoring.slice(2, regressedModel, 'local-llm')
  const secondServer = scoring.slice(1, pinnedModel, 'vllm-box')
  for (const slice of [baseline, regressed, secondServer]) {
    await expect(scoring.results(slice)).toHaveText(String(cases.length))
    await expect(scoring.metric(slice, 'format.intent_json')).toContainText('100')
    // Both servers are on 127.0.0.1: free, and known to be free (not an unknown price).
    await expect(scoring.cost(slice)).toHaveAttribute('data-value', '0')
  }
  await expect(scoring.metric(baseline, 'rule.intent')).toContainText('100')
  await expect(scoring.metric(regressed, 'rule.intent')).toContainText('60')
  await scoring.setBaseline(baseline)

  const failed = await scoring.evaluateGate(regressed)
  await expect(failed).toHaveAttribute('data-verdict', 'fail')
  const drop = scoring.gateRule(failed, 'max_drop')
  await expect(drop).toHaveAttribute('data-verdict', 'fail')
  const [firstWorse = '', secondWorse = ''] = regressedKeys
  await expect(scoring.failingCases(drop)).toHaveCount(regressedKeys.length)
  await expect(scoring.failingCases(drop, firstWorse)).toHaveCount(1)

  await expect(await scoring.evaluateGate(baseline)).toHaveAttribute('data-verdict', 'pass')
  // The same model through the second server is its own slice, gated on its own answers.
  const other = await scoring.evaluateGate(secondServer)
  await expect(other).toHaveAttribute('data-verdict', 'pass')
  await expect(scoring.baselineNote(secondServer)).toContainText('local-llm/')

  // A case that got worse opens its result, named by its key as the dataset, the gate and the CLI name it.
  await scoring.failingCases(drop, firstWorse).click()
  await expect(runs.resultsTotal).toHaveAttribute('data-total', '1')
  await expect(runs.caseFilter).toHaveValue(firstWorse)
  await expect(runs.resultRows()).toHaveAttribute('data-case-key', firstWorse)
  const detail = new ResultDetailPage(page)
  await expect(detail.panel).toHaveAttribute('aria-label', `Result for case ${firstWorse}`)
  // Typed by its key, a case shows its result for each version × model.
  await runs.clearFilters()
  await runs.filterByCase(secondWorse)
  await expect(runs.resultsTotal).toHaveAttribute('data-total', '6')
}

async function promote(page: Page): Promise<void> {
  const app = new AppPage(page)
  const registry = new RegistryPage(page)
  await app.nav('prompts').click()
  await new PromptsPage(page).openPrompt(prompt)
  const gate = registry.evalGateRequirement()

  await registry.showEditor()
  await registry.showVersion(2)
  await registry.openPromotion('prod')
  await expect(gate).toHaveAttribute('data-satisfied', 'false')
  await expect(gate).toContainText(`fail: rule.intent`)
  await registry.promotionReason.fill('Ship the June model')
  await expect(registry.confirmPromotion).toBeDisabled()
  await registry.closePromotion()

  await registry.showVersion(1)
  await registry.openPromotion('prod')
  await expect(gate).toHaveAttribute('data-satisfied', 'true')
  await expect(gate).toContainText(local(pinnedModel))
  await registry.approveInPromotion('Gate passed on our golden set')
  await registry.promotionReason.fill('Passing gate and approval')
  await registry.confirmPromotion.click()
  await expect(registry.envBadge('prod')).toContainText('v1')
}

async function signOffAndExport(page: Page, repo: string): Promise<string> {
  const app = new AppPage(page)
  const runs = new RunsPage(page)
  const scoring = new ScoringPage(page)
  const baselines = new BaselinesPage(page)
  await app.nav('settings').click()
  await baselines.createSigningKey('Ana Ruiz')
  const signer = await baselines.exportPublicKey('Ana Ruiz', test.info().outputPath())
  await app.nav('runs').click()
  await runs.runRow(runName).click()
  await scoring.showSummary()
  await baselines.signOff(scoring.slice(1, pinnedModel, 'local-llm'), {
    name: 'Ana Ruiz',
    role: 'PM',
    comment: 'January model routes the golden set; ships as the baseline',
    withKey: true,
  })
  await expect(baselines.signoffResult).toContainText(/signed with key [0-9a-f]{16}/)
  await baselines.closeSignoff()

  await app.nav('prompts').click()
  await baselines.openPromptBaselineTab(prompt)
  const exported = await baselines.exportTo(join(repo, 'evals'), 'Intent router baseline, signed off')
  await expect(exported).toContainText('manifest.json')
  await expect(baselines.commitSha(exported)).toHaveText(/^[0-9a-f]{10}$/)
  expect(git(repo, 'log', '--format=%s')).toContain('Intent router baseline, signed off')
  expect(git(repo, 'status', '--porcelain')).toBe('')
  return signer
}

import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'
import { AppPage } from './app-page'
import { DatasetsPage } from './datasets-page'
import { GeneratePage } from './generate-page'
import { PlaygroundPage } from './playground-page'
import { PromptsPage } from './prompts-page'
import { RegistryPage } from './registry-page'
import { ReviewPage } from './review-page'

type Route = Parameters<AppPage['nav']>[0]

/** One rule broken on one screen: what, how bad, and where (a few of its elements). */
export interface Violation {
  screen: string
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Rows of the big virtualized tables past their first three: every row is built by the same component, so
 * three stand for all of them, and checking a few hundred cells' contrast is most of a scan's time.
 */
const firstRowsOnly = ['case-row', 'result-row'].map(
  (row) => `[data-testid="${row}"]:not([data-index="0"]):not([data-index="1"]):not([data-index="2"])`,
)

/** The impacts the check fails on (axe also reports minor and moderate ones; those are left for later). */
const failingImpacts = new Set(['serious', 'critical'])

/**
 * Gets the app to each screen the accessibility check visits, and checks the page as it stands with axe.
 * Each opener leaves the app on one screen (or dialog) and waits for what that screen shows.
 */
export class A11yPage {
  readonly app: AppPage
  private readonly prompts: PromptsPage
  private readonly registry: RegistryPage
  private readonly review: ReviewPage
  private readonly datasets: DatasetsPage
  private readonly playground: PlaygroundPage
  private readonly generate: GeneratePage
  /**
   * What the next scan checks: the part the last opener showed (a screen, a panel, a dialog), so the shell
   * and lists seen before are not checked again on every screen; null checks the whole page.
   */
  private scope: string | null = null

  constructor(readonly page: Page) {
    this.app = new AppPage(page)
    this.prompts = new PromptsPage(page)
    this.registry = new RegistryPage(page)
    this.review = new ReviewPage(page)
    this.datasets = new DatasetsPage(page)
    this.playground = new PlaygroundPage(page)
    this.generate = new GeneratePage(page)
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** The serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
  async scan(screen: string): Promise<Violation[]> {
    // Only violations are listed in full: collecting every passing node is most of axe's time on big tables.
    const axe = new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .options({ resultTypes: ['violations'] })
    // One call per selector: an array would be read as a path into frames.
    for (const rows of firstRowsOnly) axe.exclude(rows)
    const result = await (this.scope ? axe.include(this.scope) : axe).analyze()
    return result.violations
      .filter((v) => failingImpacts.has(v.impact ?? ''))
      .map((v) => ({
        screen,
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }))
  }

  /** The whole page as it opens (header, navigation, first screen). */
  async shell(): Promise<void> {
    await this.route('prompts')
    this.scope = null
  }

  async route(route: Route): Promise<void> {
    await this.closeDialogs()
    await this.app.nav(route).click()
    await expect(this.app.screen(route)).toBeVisible()
    this.scope = testIdSelector(`screen-${route}`)
  }

  private showing(testId: string): void {
    this.scope = testIdSelector(testId)
  }

  private showingDialog(): void {
    this.scope = '[aria-modal="true"]'
  }

  async promptTab(prompt: string, tab: 'editor' | 'diff' | 'history' | 'suite' | 'baseline'): Promise<void> {
    await this.route('prompts')
    await this.prompts.openPrompt(prompt)
    await this.id(tab === 'baseline' ? 'prompt-tab-baseline' : `tab-${tab}`).click()
    await expect(this.page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    this.showing('prompt-detail')
  }

  async newPromptDialog(): Promise<void> {
    await this.route('prompts')
    await this.registry.openNewPrompt()
    this.showingDialog()
  }

  async promotionDialog(prompt: string): Promise<void> {
    await this.promptTab(prompt, 'editor')
    await this.registry.openPromotion('staging')
    this.showingDialog()
  }

  async datasetDetail(name: string): Promise<void> {
    await this.datasetList()
    await this.id('dataset-item').getByRole('link', { name, exact: true }).click()
    await expect(this.id('dataset-name')).toHaveText(name)
    this.showing('dataset-detail')
  }

  /** A case's edit panel (vars, expected fields, tags, notes). */
  async casePanel(dataset: string, key: string): Promise<void> {
    await this.datasetDetail(dataset)
    await this.datasets.openCasePanel(key)
    this.showing('case-panel')
  }

  async snapshotDialog(dataset: string): Promise<void> {
    await this.datasetDetail(dataset)
    await this.id('snapshot-create').click()
    await expect(this.id('snapshot-dialog')).toBeVisible()
    this.showingDialog()
  }

  /** The Datasets screen keeps the open dataset: its back link leads to the list. */
  async datasetList(): Promise<void> {
    await this.route('datasets')
    const back = this.id('datasets-back')
    if (await back.isVisible()) await back.click()
    await expect(this.id('dataset-item').first()).toBeVisible()
  }

  async newDatasetDialog(): Promise<void> {
    await this.datasetList()
    await this.id('new-dataset').click()
    await expect(this.id('new-dataset-dialog')).toBeVisible()
    this.showingDialog()
  }

  async runDetail(run: string, tab: 'results' | 'summary'): Promise<void> {
    await this.route('runs')
    await this.id('run-row').filter({ hasText: run }).click()
    await expect(this.id('run-name')).toHaveText(run)
    await this.id(`run-tab-${tab}`).click()
    await expect(this.id(`run-tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    if (tab === 'results') await expect(this.id('result-row').first()).toBeVisible()
    else await expect(this.id('summary-slice').first()).toBeVisible()
    this.showing('run-detail')
  }

  async resultDetail(run: string): Promise<void> {
    await this.runDetail(run, 'results')
    await this.id('result-row').first().click()
    await expect(this.id('result-detail')).toBeVisible()
    this.showing('result-detail')
  }

  async setBaselineDialog(run: string): Promise<void> {
    await this.runDetail(run, 'summary')
    await this.id('set-baseline').first().click()
    await expect(this.id('set-baseline-dialog')).toBeVisible()
    this.showingDialog()
  }

  async newRunForm(): Promise<void> {
    await this.route('runs')
    await this.id('runs-new').click()
    await expect(this.id('new-run-prompt')).toBeVisible()
    this.showing('screen-runs')
  }

  async queueDialog(): Promise<void> {
    await this.route('review')
    await this.id('queue-new').click()
    await expect(this.id('queue-dialog')).toBeVisible()
    this.showingDialog()
  }

  /**
   * Creates a queue over one sampled case of `run` (one item per slice) for two reviewers, and opens its
   * first item as the first of them.
   */
  async reviewItem(run: string, criterion: string, reviewers: [string, string]): Promise<void> {
    await this.route('review')
    const queue = { name: 'Accessibility check', run, criterion, sample: 1, reviewers, perItem: 2 }
    await this.review.createQueue(queue)
    await this.id('queue-row').filter({ hasText: queue.name }).click()
    await this.review.reviewAs(reviewers[0])
    this.showing('review-item')
  }

  /**
   * Continues from `reviewItem`: the two reviewers disagree on each of the queue's `items`, and the
   * report's first disagreement has its adjudicate form open with "Update the expected value" checked.
   */
  async adjudicateForm(reviewers: [string, string], items: number): Promise<void> {
    await this.review.scoreAllWithKeys(items, () => 'y')
    await this.review.reviewAs(reviewers[1])
    await this.review.scoreAllWithKeys(items, () => 'n')
    await this.id('queue-tab-report').click()
    const disagreement = this.review.disagreements().first()
    await disagreement.getByTestId('adjudicate-update-expected').check()
    await expect(disagreement.getByTestId('correct-value')).toBeVisible()
    this.showing('disagreement')
  }

  /** Compare with a run added and two of its slices picked (the charts drawn). */
  async compareSlices(run: string): Promise<void> {
    await this.route('compare')
    const screen = this.id('compare-screen')
    await screen.getByTestId('compare-run').selectOption({ label: run })
    await screen.getByTestId('compare-add-run').click()
    // The scored demo run's two versions × two models, all picked at first: the boxes can show before that
    // pick checks them, so it is waited for before two are unchecked.
    const checked = screen.locator('[data-testid="compare-slice"]:checked')
    await expect(checked).toHaveCount(4)
    await checked.last().uncheck()
    await checked.last().uncheck()
    await expect(checked).toHaveCount(2)
    await expect(screen.getByTestId('chart-quality')).toHaveAttribute('data-rendered', 'true')
  }

  /** A run result's "Update the expected value" form, open on the first result. */
  async correctExpected(run: string): Promise<void> {
    await this.resultDetail(run)
    await this.id('correct-expected-open').click()
    await expect(this.id('correct-value')).toBeVisible()
    this.showing('correct-expected')
  }

  /** A prompt's Playground tab with one case answered by the default model. */
  async playgroundAnswers(prompt: string, dataset: string): Promise<void> {
    await this.route('prompts')
    await this.prompts.openPrompt(prompt)
    await this.playground.open()
    await this.playground.selectDataset(dataset)
    const [key] = await this.playground.firstCaseKeys(1)
    await this.playground.case(key ?? '').check()
    await this.page.keyboard.press('Control+Enter')
    await expect(this.playground.doneAnswers()).toHaveCount(1)
    this.showing('playground-tab')
  }

  async generateDialog(dataset: string): Promise<void> {
    await this.datasetDetail(dataset)
    await this.id('generate-cases').click()
    await expect(this.generate.dialog).toBeVisible()
    this.showingDialog()
  }

  /** Continues from `generateDialog`: a few drafts from the dialog's model, in their review list. */
  async draftsReview(count: number): Promise<void> {
    await this.generate.generate(count)
    await expect(this.generate.drafts()).toHaveCount(count)
    this.showing('drafts-review')
  }

  /** The first-run guide above the screen (the demo has steps left to do). */
  async firstRunGuide(): Promise<void> {
    await this.route('prompts')
    await expect(this.app.guide).toBeVisible()
    this.showing('first-run-guide')
  }

  /** Any dialog left open by the screen before closes, so the next opener starts from the shell. */
  private async closeDialogs(): Promise<void> {
    const dialog = this.page.locator('[aria-modal="true"]')
    if ((await dialog.count()) === 0) return
    await this.page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }
}

const testIdSelector = (testId: string) => `[data-testid="${testId}"]`

/** One line per violation, grouped by screen: what the failing test prints. */
export function violationReport(violations: readonly Violation[]): string {
  return violations
    .map((v) => `[${v.screen}] ${v.impact} ${v.rule}: ${v.help}\n    at ${v.targets.join('\n    at ')}`)
    .join('\n')
}

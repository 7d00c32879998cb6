import { expect, type Locator, type Page } from '@playwright/test'

/** A run's summary tab: scoring, per-slice metrics, baselines and gate results. */
export class ScoringPage {
  constructor(readonly page: Page) {}

  async showSummary(): Promise<void> {
    await this.page.getByTestId('run-tab-summary').click()
    await expect(this.page.getByTestId('run-summary')).toBeVisible()
  }

  async scoreRun(): Promise<void> {
    await this.page.getByTestId('run-tab-summary').click()
    await this.page.getByTestId('score-run').click()
    await expect(this.page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  }

  /** A version × model slice; with `provider`, the model through that provider only. */
  slice(version: number, model: string, provider?: string): Locator {
    const through = provider === undefined ? '' : `[data-provider="${provider}"]`
    return this.page.locator(
      `[data-testid="summary-slice"][data-version="${version}"][data-model="${model}"]${through}`,
    )
  }

  slices(): Locator {
    return this.page.getByTestId('summary-slice')
  }

  /** The number of results a slice holds. */
  results(slice: Locator): Locator {
    return slice.getByTestId('summary-results')
  }

  /** Cost per interaction; `data-value` is the number, absent when the price is unknown. */
  cost(slice: Locator): Locator {
    return slice.getByTestId('summary-cost')
  }

  /** Which baseline a slice's gate compares with. */
  baselineNote(slice: Locator): Locator {
    return slice.getByTestId('baseline-note')
  }

  /** One rule of a gate result, by its kind (e.g. max_drop). */
  gateRule(result: Locator, kind: string): Locator {
    return result.locator(`[data-testid="gate-rule"][data-kind="${kind}"]`)
  }

  /** The rule of a gate result on one metric (its label names the metric, e.g. `tool.queue pass rate ≥ 90 %`). */
  gateRuleOn(result: Locator, metric: string): Locator {
    const label = new RegExp(`^${metric.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `)
    return result.getByTestId('gate-rule').filter({
      has: this.page.getByTestId('gate-rule-label').filter({ hasText: label }),
    })
  }

  /** The cases a rule lists as failing (or, for max_drop, got worse); one by its key with `key`. */
  failingCases(rule: Locator, key?: string): Locator {
    const cases = rule.getByTestId('gate-failing-case')
    return key === undefined ? cases : cases.and(this.page.locator(`[data-case-key="${key}"]`))
  }

  metric(slice: Locator, metric: string): Locator {
    return slice.locator(`[data-testid="summary-metric"][data-metric="${metric}"]`)
  }

  async setBaseline(slice: Locator): Promise<void> {
    await slice.getByTestId('set-baseline').click()
    await this.page.getByTestId('set-baseline-dialog-confirm').click()
    await expect(slice.getByTestId('baseline-badge')).toBeVisible()
  }

  /** Evaluates the gate of a slice and returns the result panel. */
  async evaluateGate(slice: Locator): Promise<Locator> {
    await slice.getByTestId('evaluate-gate').click()
    const result = slice.getByTestId('gate-result')
    await expect(result).toHaveAttribute('data-verdict', /pass|fail|inconclusive/, { timeout: 60_000 })
    return result
  }
}

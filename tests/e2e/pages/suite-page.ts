import { expect, type Locator, type Page } from '@playwright/test'

type GateKind =
  'min_score' | 'max_drop' | 'max_p95_latency_ms' | 'max_cost_per_interaction' | 'max_error_rate'

/** A prompt's Eval suite tab: scorers, gate rules and saving the suite as its next version. */
export class SuitePage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  async open(): Promise<void> {
    await this.id('tab-suite').click()
    await expect(this.id('suite-editor')).toBeVisible()
  }

  scorer(metric: string): Locator {
    return this.page.locator(`[data-testid="suite-scorer"][data-metric="${metric}"]`)
  }

  gates(): Locator {
    return this.id('suite-gate')
  }

  /** A format check that the output matches a JSON Schema (checked by the form when added). */
  async addSchemaCheck(s: { metric: string; label: string; schema: object }): Promise<void> {
    await this.id('suite-add-scorer').click()
    const form = this.id('scorer-form')
    await form.getByTestId('scorer-kind').selectOption('format')
    await form.getByTestId('scorer-format-check').selectOption('json_schema')
    await form.getByTestId('scorer-schema').fill(JSON.stringify(s.schema, null, 2))
    await this.nameAndAdd(form, s)
  }

  /** A rule: a field of the JSON output equals the case's expected field. */
  async addEqualsRule(r: {
    metric: string
    label: string
    path: string
    expectedField: string
  }): Promise<void> {
    await this.id('suite-add-scorer').click()
    const form = this.id('scorer-form')
    await form.getByTestId('scorer-kind').selectOption('rule')
    await form.getByTestId('scorer-path').fill(r.path)
    await form.getByTestId('scorer-rule-op').selectOption('equals')
    await form.getByTestId('scorer-rule-target').selectOption('expected')
    await form.getByTestId('scorer-expected-field').fill(r.expectedField)
    await this.nameAndAdd(form, r)
  }

  private async nameAndAdd(form: Locator, s: { metric: string; label: string }): Promise<void> {
    await form.getByTestId('scorer-metric').fill(s.metric)
    await form.getByTestId('scorer-label').fill(s.label)
    await form.getByTestId('scorer-save').click()
    await expect(form).toBeHidden()
    await expect(this.scorer(s.metric)).toBeVisible()
  }

  /** The sentences the gate rules read as, in order. */
  gateTexts(): Locator {
    return this.gates().getByTestId('gate-text')
  }

  /** A gate rule, its limit in the unit the form shows (%, points, s, USD). */
  async addGate(g: { kind: GateKind; metric?: string; value: string }): Promise<void> {
    await this.id('suite-add-gate').click()
    const form = this.id('gate-form')
    await form.getByTestId('gate-kind').selectOption(g.kind)
    if (g.metric) await form.getByTestId('gate-metric').selectOption(g.metric)
    await form.getByTestId('gate-value').fill(g.value)
    await form.getByTestId('gate-save').click()
    await expect(form).toBeHidden()
  }

  async save(message: string): Promise<void> {
    await this.id('suite-message').fill(message)
    await this.id('suite-save').click()
    await expect(this.id('suite-saved')).toBeVisible()
  }
}

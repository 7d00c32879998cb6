import { expect, type Locator, type Page } from '@playwright/test'

/** The detail panel of one result: the request as sent, the answer, its tool calls and a tool loop's steps. */
export class ResultDetailPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('result-detail')
  }

  /** Waits until the full record has loaded (the grid row only names the result). */
  async waitLoaded(): Promise<void> {
    await expect(this.panel).toBeVisible()
    await expect(this.panel).not.toHaveAttribute('data-loading', 'true')
  }

  get response(): Locator {
    return this.panel.getByTestId('result-response')
  }

  /** The messages of the request, in the order they were sent; with `role`, only that role's. */
  requestMessages(role?: 'system' | 'user' | 'assistant' | 'tool'): Locator {
    const messages = this.panel.getByTestId('result-request').locator('.request-messages > li')
    return role ? messages.and(this.page.locator(`[data-role="${role}"]`)) : messages
  }

  /** The answer's tool calls (all steps together); with `name`, that tool's. */
  toolCalls(name?: string): Locator {
    const calls = this.panel.getByTestId('result-tool-calls').locator('.tool-call')
    return name ? calls.and(this.page.locator(`[data-tool="${name}"]`)) : calls
  }

  /** A call's arguments exactly as shown: pretty-printed JSON text, or the model's text when not JSON. */
  arguments(call: Locator): Locator {
    return call.locator('.tool-arguments')
  }

  /** How many tries the calls took (a tool loop says over how many steps). */
  get attemptCount(): Locator {
    return this.panel.getByTestId('result-attempt-count')
  }

  /** The tool loop section (absent for a result without a loop). */
  get steps(): Locator {
    return this.panel.getByTestId('result-steps')
  }

  /** One step of the loop, 0-based as stored (shown as "Step n+1"). */
  step(index: number): Locator {
    return this.panel.getByTestId(`result-step-${index}`)
  }

  /** The tool calls a step made. */
  stepCalls(index: number): Locator {
    return this.panel.getByTestId(`result-step-${index}-calls`).locator('.tool-call')
  }

  /** The canned results a step sent back. */
  stepToolResults(index: number): Locator {
    return this.step(index).locator('.step-tool-results > li')
  }
}

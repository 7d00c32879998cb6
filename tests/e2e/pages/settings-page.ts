import { expect, type Locator, type Page } from '@playwright/test'

/** Settings → Providers: the providers a prompt can pin, with their limits and locality. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  provider(name: string): Locator {
    return this.page.locator(`[data-testid="provider-row"][data-name="${name}"]`)
  }

  /** Whether Settings counts the provider as local (free) or hosted, and why. */
  locality(name: string): Locator {
    return this.provider(name).getByTestId('provider-locality')
  }

  /** Where the provider's key comes from, as Settings says it. */
  keySource(name: string): Locator {
    return this.provider(name).getByTestId('provider-key-source')
  }

  /** Adds an OpenAI-compatible server and waits for its row. */
  async addOpenAiCompatible(p: { name: string; baseUrl: string; concurrency: number }): Promise<Locator> {
    await this.id('provider-add-name').fill(p.name)
    await this.id('provider-add-base-url').fill(p.baseUrl)
    await this.id('provider-add-concurrency').fill(String(p.concurrency))
    await this.id('provider-add').click()
    const row = this.provider(p.name)
    await expect(row).toHaveAttribute('data-kind', 'openai-compatible')
    await expect(row.getByTestId('provider-summary')).toContainText(p.baseUrl)
    return row
  }
}

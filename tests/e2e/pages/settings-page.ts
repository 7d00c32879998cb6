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

  /**
   * Adds an Azure OpenAI resource by keyboard, as a user tabbing through the form: kind, name, endpoint,
   * concurrency, API version, then one model id → deployment row per entry. Waits for its row.
   */
  async addAzureOpenAi(p: {
    name: string
    endpoint: string
    apiVersion: string
    deployments: Record<string, string>
  }): Promise<Locator> {
    await this.id('provider-add-kind').selectOption('azure-openai')
    await this.id('provider-add-name').focus()
    await this.page.keyboard.type(p.name)
    await this.page.keyboard.press('Tab')
    await this.page.keyboard.type(p.endpoint)
    await this.id('provider-add-api-version').fill(p.apiVersion)
    for (const [model, deployment] of Object.entries(p.deployments)) {
      await this.id('provider-deployment-add').last().click()
      await this.page.keyboard.press('Shift+Tab') // from the add button back to the new row's Remove
      await this.page.keyboard.press('Shift+Tab')
      await this.page.keyboard.type(deployment)
      await this.page.keyboard.press('Shift+Tab')
      await this.page.keyboard.type(model)
    }
    await this.id('provider-add').click()
    const row = this.provider(p.name)
    await expect(row).toHaveAttribute('data-kind', 'azure-openai')
    await expect(row.getByTestId('provider-summary')).toContainText(p.endpoint)
    return row
  }
}

import { expect, type Locator, type Page } from '@playwright/test'

/** The shell: navigation, readiness and the recovery screen. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url)
  }

  /**
   * Ready is set once per page load. A `goto` that changes only the hash (`#/datasets/<id>`) does not
   * reload, so this returns at once: wait for what that address shows instead.
   */
  async waitReady(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  }

  nav(
    route: 'prompts' | 'datasets' | 'runs' | 'review' | 'compare' | 'production' | 'scorecard' | 'settings',
  ): Locator {
    return this.page.getByTestId(`nav-${route}`)
  }

  screen(route: string): Locator {
    return this.page.getByTestId(`screen-${route}`)
  }

  get recoveryScreen(): Locator {
    return this.page.getByTestId('recovery-screen')
  }

  /** Shown over every screen while the host cannot be reached. */
  get connectionBanner(): Locator {
    return this.page.getByTestId('connection-banner')
  }
}

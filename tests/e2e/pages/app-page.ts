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

  /** The first-run guide above the screen, and the header button that brings it back once hidden. */
  get guide(): Locator {
    return this.page.getByTestId('first-run-guide')
  }

  guideLink(step: 'dataset' | 'prompt' | 'run' | 'suite' | 'baseline'): Locator {
    return this.guide.locator(`[data-step="${step}"]`).getByTestId('guide-step-link')
  }

  get guideReopen(): Locator {
    return this.page.getByTestId('guide-reopen')
  }

  get recoveryScreen(): Locator {
    return this.page.getByTestId('recovery-screen')
  }

  /** Shown over every screen while the host cannot be reached. */
  get connectionBanner(): Locator {
    return this.page.getByTestId('connection-banner')
  }
}

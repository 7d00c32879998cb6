import { expect, type Locator, type Page } from '@playwright/test'

/** What `pasteAddress` touches of the page's window. */
interface PageWindow {
  location: { hash: string }
  document: { querySelector(selector: string): { click(): void } | null }
}

/** The datasets screen: import wizard, case table, bulk actions, export and snapshots. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  async importFile(file: string, mapping: Record<string, { role: string; name?: string }>, target: string) {
    await this.page.getByTestId('import-dataset').click()
    const dialog = this.page.getByTestId('import-dialog-dataset')
    await dialog.getByTestId('import-file-input').setInputFiles(file)
    await expect(dialog.getByTestId('import-counts')).toBeVisible()
    for (const [column, role] of Object.entries(mapping)) {
      const row = dialog.locator(`[data-testid="mapping-row"][data-column="${column}"]`)
      await row.getByTestId('mapping-role').selectOption(role.role)
      if (role.name !== undefined) await row.getByTestId('mapping-name').fill(role.name)
    }
    await dialog.getByTestId('import-target-new').check()
    await dialog.getByTestId('import-dataset-name').fill(target)
    await expect(dialog.getByTestId('import-counts')).toHaveAttribute('data-failing', '0')
    await dialog.getByTestId('confirm-dataset-import').click()
    await expect(dialog).toBeHidden()
  }

  /** The datasets listed on the Datasets screen. */
  datasetItems(): Locator {
    return this.page.getByTestId('dataset-item')
  }

  /** Opens the wizard on a file and waits for its preview; nothing is mapped by hand. */
  async openImport(file: string): Promise<Locator> {
    await this.page.getByTestId('import-dataset').click()
    const dialog = this.page.getByTestId('import-dialog-dataset')
    await dialog.getByTestId('import-file-input').setInputFiles(file)
    await expect(dialog.getByTestId('import-counts')).toBeVisible()
    return dialog
  }

  /** A column's row in the wizard's mapping step (its role is `data-role`). */
  mappingRow(column: string): Locator {
    return this.page
      .getByTestId('import-dialog-dataset')
      .locator(`[data-testid="mapping-row"][data-column="${column}"]`)
  }

  /** What the wizard says next to the key column: how a prompt reads the key. */
  keyHint(column: string): Locator {
    return this.mappingRow(column).getByTestId('mapping-key-hint')
  }

  /** Imports the open wizard's file, as mapped, into a new dataset. */
  async confirmImportAsNew(target: string): Promise<void> {
    const dialog = this.page.getByTestId('import-dialog-dataset')
    await dialog.getByTestId('import-target-new').check()
    await dialog.getByTestId('import-dataset-name').fill(target)
    await expect(dialog.getByTestId('import-counts')).toHaveAttribute('data-failing', '0')
    await dialog.getByTestId('confirm-dataset-import').click()
    await expect(dialog).toBeHidden()
  }

  rows(): Locator {
    return this.page.getByTestId('case-row')
  }

  row(key: string): Locator {
    return this.page.locator(`[data-testid="case-row"][data-case-key="${key}"]`)
  }

  cell(key: string, column: string): Locator {
    return this.row(key).locator(`[data-testid="case-cell"][data-column="${column}"]`)
  }

  /** The "N turns" mark of a conversation case in the list. */
  conversationBadge(key: string): Locator {
    return this.row(key).getByTestId('case-conversation-badge')
  }

  /** Opens a case's edit panel (expected fields are edited only there, so a double-click opens it). */
  async openCasePanel(key: string): Promise<Locator> {
    await this.cell(key, 'expected').dblclick()
    const panel = this.page.getByTestId('case-panel')
    await expect(panel).toBeVisible()
    return panel
  }

  async editCell(key: string, column: string, value: string): Promise<void> {
    await this.cell(key, column).dblclick()
    const editor = this.page.getByTestId('cell-editor')
    await editor.fill(value)
    await editor.press('Enter')
    await expect(this.cell(key, column)).toContainText(value)
  }

  async selectRange(firstKey: string, lastKey: string): Promise<void> {
    await this.row(firstKey).getByTestId('case-select').click()
    await this.row(lastKey)
      .getByTestId('case-select')
      .click({ modifiers: ['Shift'] })
  }

  async tagSelection(tag: string): Promise<void> {
    await this.page.getByTestId('tag-cases').click()
    const dialog = this.page.getByTestId('tag-dialog')
    await dialog.getByTestId('tag-add-input').fill(tag)
    await dialog.getByTestId('confirm-tag').click()
    await expect(dialog).toBeHidden()
  }

  async snapshot(message: string): Promise<void> {
    await this.page.getByTestId('snapshot-create').click()
    const dialog = this.page.getByTestId('snapshot-dialog')
    await dialog.getByTestId('snapshot-message').fill(message)
    await dialog.getByTestId('confirm-snapshot').click()
    await expect(dialog).toBeHidden()
  }

  /** Opens a dataset from the list by its name. */
  async openDataset(name: string): Promise<void> {
    await this.datasetItems().getByRole('link', { name, exact: true }).click()
    await this.openDatasetId(name)
  }

  /** Opens the diff of the newest snapshot against the working copy, from the Snapshots tab. */
  async diffNewestWithWorking(): Promise<Locator> {
    await this.page.getByTestId('dataset-tab-snapshots').click()
    await this.page.getByTestId('snapshot-compare-working').first().click()
    const diff = this.page.getByTestId('snapshot-diff')
    await expect(diff).toBeVisible()
    return diff
  }

  /** One case of the open snapshot diff. */
  diffCase(key: string): Locator {
    return this.page.locator(`[data-testid="diff-case"][data-key="${key}"]`)
  }

  /** The open dataset (`data-dataset-id`); absent while the list or a loading dataset is shown. */
  get detail(): Locator {
    return this.page.getByTestId('dataset-detail')
  }

  /** The open dataset's name, as its header shows it. */
  get name(): Locator {
    return this.page.getByTestId('dataset-name')
  }

  /** Waits until the dataset called `name` is open, and returns its id. */
  async openDatasetId(name: string): Promise<string> {
    await expect(this.name).toHaveText(name)
    // Read from the detail that shows this name, so the id and the name belong together.
    const open = this.detail.filter({ has: this.name.getByText(name, { exact: true }) })
    const id = await open.getAttribute('data-dataset-id')
    if (!id) throw new Error(`The open dataset "${name}" has no id`)
    return id
  }

  /**
   * Pastes `url` into the address bar. With `clickMeanwhile`, that side-panel tab is clicked in the same
   * task: the screen changes after the address does but before the browser announces it (`hashchange`),
   * as a refresh arriving at that moment would.
   */
  async pasteAddress(url: string, clickMeanwhile?: 'coverage' | 'duplicates' | 'snapshots'): Promise<void> {
    if (!clickMeanwhile) {
      await this.page.goto(url)
      return
    }
    // Runs in the page; these specs compile without the DOM library, hence the narrow shape of `window`.
    await this.page.evaluate(
      ({ hash, tab }) => {
        const page = globalThis as unknown as PageWindow
        page.location.hash = hash
        page.document.querySelector(`[data-testid="dataset-tab-${tab}"]`)?.click()
      },
      { hash: new URL(url).hash, tab: clickMeanwhile },
    )
  }
}

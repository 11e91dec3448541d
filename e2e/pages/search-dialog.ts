import { expect, type Page } from '@playwright/test';

/** The Ctrl/⌘+K search dialog. */
export class SearchDialog {
  constructor(private readonly page: Page) {}

  readonly dialog = () => this.page.getByRole('dialog', { name: 'Search the course' });
  readonly input = () => this.dialog().getByRole('combobox', { name: 'Search lessons' });
  readonly results = () => this.dialog().getByRole('listbox', { name: 'Search results' });
  readonly options = () => this.results().getByRole('option');
  readonly summary = () => this.dialog().getByTestId('search-dialog-summary');

  /** Opens the dialog with the shortcut once the page has hydrated (a key press before is lost). */
  async openWithShortcut() {
    await expect(this.page.getByRole('dialog', { includeHidden: true })).toBeAttached();
    await expect(async () => {
      await this.page.keyboard.press('Control+k');
      await expect(this.dialog()).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await expect(this.input()).toBeFocused();
  }
}

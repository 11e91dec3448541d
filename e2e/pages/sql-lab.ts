import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { Lab } from '../../lib/labs/format';
import { expectHydrated } from '../hydration';

/** A lab's lab.yaml as authored (solutions and wrong answers included: tests may read them). */
export function readLab(file: string): Lab {
  return parse(fs.readFileSync(file, 'utf8')) as Lab;
}

/** An SQL lab in a lesson (<SqlLab id="…" />): the launcher and, once opened, the panel. */
export class SqlLab {
  constructor(
    private readonly page: Page,
    readonly labId: string,
  ) {}

  readonly root = () => this.page.locator(`section[data-lab="${this.labId}"]`);
  readonly openButton = () => this.root().getByRole('button', { name: 'Open the lab' });
  readonly editor = () => this.root().getByRole('textbox', { name: 'SQL' });
  readonly tabs = () => this.root().getByRole('tab');
  readonly button = (name: 'Run' | 'Check' | 'Submit' | 'Reset') =>
    this.root().getByRole('button', { name, exact: true });
  readonly output = () => this.root().getByTestId('lab-output');
  readonly saveStatus = () => this.root().getByTestId('lab-save-status');
  readonly databaseStatus = () => this.root().getByTestId('lab-database-status');

  /** Opens the lab once the page has hydrated, and waits for the learner's PostgreSQL. */
  async open() {
    await expectHydrated(this.openButton());
    await this.openButton().click();
    await this.expectReady();
  }

  async expectReady() {
    // A cold start downloads and starts PostgreSQL (WebAssembly) in a worker.
    await expect(this.databaseStatus()).toContainText('PostgreSQL is ready', { timeout: 45_000 });
  }

  /** Signed in: the panel has loaded the learner's saved state (the count of passed tasks). */
  async expectSignedIn() {
    await expect(this.root().getByText(/^\d+ of \d+ tasks passed$/)).toBeVisible();
  }

  /** The editor's text, line by line (CodeMirror draws each line as an element). */
  async editorText(): Promise<string> {
    return this.editor().evaluate((element) =>
      [...element.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n'),
    );
  }

  /** Replaces the editor's text, as a learner would: select all, then type. */
  async setSql(sql: string) {
    const text = sql.trimEnd();
    // Again if a select-all pressed as the editor took focus left a line out of the selection.
    await expect(async () => {
      await this.editor().click();
      await expect(this.editor()).toBeFocused();
      await this.page.keyboard.press('ControlOrMeta+a');
      await this.page.keyboard.insertText(text);
      expect(await this.editorText()).toBe(text);
    }).toPass({ timeout: 15_000 });
  }

  async press(name: 'Run' | 'Check' | 'Submit' | 'Reset') {
    await this.button(name).click();
    await expect(this.button(name)).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  }

  /** Selects a task by its tab (its title). */
  async selectTask(title: string) {
    const tab = this.tabs().filter({ hasText: title });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** The result table of the last statement that returned rows. */
  readonly resultTable = (): Locator =>
    this.output()
      .getByRole('region', { name: /^Result of statement \d+$/ })
      .last();
}

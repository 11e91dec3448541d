import { expect, type Page } from '@playwright/test';

export class LessonPage {
  constructor(private readonly page: Page) {}

  readonly progress = () => this.page.getByRole('region', { name: 'Your progress' });

  async open(href: string) {
    await this.page.goto(href);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async markComplete() {
    await this.progress().getByRole('button', { name: 'Mark as complete' }).click();
    await this.expectCompleted();
  }

  async expectCompleted() {
    await expect(this.progress().getByText('Completed', { exact: true })).toBeVisible();
    await expect(this.progress().getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
  }
}

import { expect, type Page } from '@playwright/test';
import type { QuizQuestion } from '../../lib/content/schema';

export class LessonPage {
  constructor(private readonly page: Page) {}

  readonly progress = () => this.page.getByRole('region', { name: 'Your progress' });

  async open(href: string) {
    await this.page.goto(href);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    // Hydrated and loaded: the progress box has fetched the learner's state.
    await expect(this.progress()).toHaveAttribute('aria-busy', 'false');
  }

  async markComplete() {
    await this.progress().getByRole('button', { name: 'Mark as complete' }).click();
    await this.expectCompleted();
  }

  readonly quiz = () => this.page.getByRole('region', { name: 'Check your understanding' });

  /** Picks the right answer, or a wrong one, for every question (backticks render as code). */
  async answerQuiz(questions: QuizQuestion[], pick: 'right' | 'wrong') {
    const plain = (text: string) => text.replace(/`/g, '');
    for (const question of questions) {
      const choice =
        pick === 'right'
          ? question.answer
          : question.choices.find((option) => option !== question.answer)!;
      await this.quiz()
        .getByRole('group', { name: plain(question.question) })
        .getByLabel(plain(choice), { exact: true })
        .check();
    }
  }

  /** Completed, whether or not the quiz was passed ("Completed · quiz not passed"). */
  async expectCompleted() {
    await expect(this.progress().getByTestId('lesson-state')).toContainText('Completed');
    await expect(this.progress().getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
  }
}

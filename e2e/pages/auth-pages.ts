import { expect, type Page } from '@playwright/test';

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: Credentials) {
    await this.page.goto('/sign-up');
    await this.page.getByLabel('Name').fill(user.name);
    await this.page.getByLabel('Email').fill(user.email);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
    await expect(this.page).toHaveURL(/\/dashboard$/);
  }

  async signIn(user: Pick<Credentials, 'email' | 'password'>) {
    await this.page.goto('/sign-in');
    await this.page.getByLabel('Email').fill(user.email);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut() {
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(
      this.page.getByRole('banner').getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
  }
}

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

  /** The signed-in user's menu button in the header (its name starts "Account menu for"). */
  accountMenuButton() {
    return this.page.getByRole('banner').getByRole('button', { name: /^Account menu for / });
  }

  /** Opens the account menu, through the header's Menu button first on a narrow screen. */
  async openAccountMenu() {
    const banner = this.page.getByRole('banner');
    const menu = banner.getByRole('button', { name: 'Menu', exact: true });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true')
      await menu.click();
    const button = this.accountMenuButton();
    await expect(button).toBeVisible();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }

  async signOut() {
    await this.openAccountMenu();
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    // On a narrow screen the Sign in link is in the (closed) Menu: present, not visible.
    await expect(this.accountMenuButton()).toHaveCount(0);
    await expect(
      this.page.getByRole('banner').getByRole('link', { name: 'Sign in', includeHidden: true }),
    ).toHaveCount(1);
  }
}

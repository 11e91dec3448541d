import { expect, type Locator } from '@playwright/test';

/** React has hydrated this element (a click or submit before that would not reach React). */
export async function expectHydrated(element: Locator) {
  await expect
    .poll(() =>
      element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))),
    )
    .toBe(true);
}

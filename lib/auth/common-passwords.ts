// The ~49,000 most common passwords from breach corpora, as shipped by the maintained
// @zxcvbn-ts/language-common package. Checked case-insensitively at sign-up and password change.
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}

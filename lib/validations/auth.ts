import { z } from 'zod';
import { demoAccounts } from '@/db/demo-accounts';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { textLimits } from './limits';
import { passwordLength } from './password-length';
import { singleLineText } from './text';

export const emailSchema = z
  .string({ message: 'Enter your e-mail address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your e-mail address.')
  .max(textLimits.email, 'That e-mail address is too long.')
  .pipe(z.email({ message: 'Enter a valid e-mail address, like name@example.com.' }));

// No composition rules and no trimming: a password is verified exactly as typed (NIST SP 800-63B).
export const passwordSchema = z
  .string({ message: 'Enter a password.' })
  .min(passwordLength.min, `Use at least ${passwordLength.min} characters.`)
  .max(passwordLength.max, `Use at most ${passwordLength.max} characters.`);

/**
 * A password someone is choosing: also refused when it is one of the most common passwords, or
 * one of the demo passwords printed in the README (a production server refuses to start while an
 * account has one, so accepting it would let anyone stop the next restart).
 */
export const newPasswordSchema = passwordSchema
  .refine(
    // Too short is already reported; one message per problem.
    (password) => password.length < passwordLength.min || !isCommonPassword(password),
    'This is one of the most common passwords, so it would be guessed quickly. Choose another: a few unrelated words work well.',
  )
  .refine(
    (password) => !demoAccounts.some((account) => account.password === password),
    'This password is published in the Backend Path README for the demo accounts. Choose another.',
  );

export const signUpSchema = z.object({
  name: singleLineText(
    z
      .string({ message: 'Enter your name.' })
      .trim()
      .min(1, 'Enter your name.')
      .max(textLimits.personName, `Use at most ${textLimits.personName} characters.`),
  ),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-in only checks presence and the upper bound: the hash decides the rest.
  password: z.string({ message: 'Enter your password.' }).min(1, 'Enter your password.').max(128),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ message: 'Enter your current password.' })
      .min(1, 'Enter your current password.')
      .max(128),
    newPassword: newPasswordSchema,
  })
  .refine((value) => value.currentPassword !== value.newPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });

export const requestResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z
    .string({ message: 'This reset link is incomplete.' })
    .min(20, 'This reset link is incomplete.')
    .max(200),
  newPassword: newPasswordSchema,
});

export const confirmSignUpSchema = z.object({
  token: z
    .string({ message: 'This link is incomplete.' })
    .min(20, 'This link is incomplete.')
    .max(200, 'This link is not valid.'),
});

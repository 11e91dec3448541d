import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema } from '@/lib/validations/auth';
import { callbackPathSchema } from '@/lib/validations/navigation';
import { lessonIdSchema } from '@/lib/validations/progress';
import { userSearchSchema } from '@/lib/validations/admin';
import { cohortDetailsSchema, nudgeSchema } from '@/lib/validations/cohorts';
import { saveNoteSchema } from '@/lib/validations/notes';
import { controlCharacterMessage } from '@/lib/validations/text';

describe('sign-up validation', () => {
  const valid = { name: 'Ada', email: 'Ada@Example.com ', password: 'eight ch' };

  it('accepts 8 to 128 characters of anything and normalises the e-mail', () => {
    expect(signUpSchema.parse(valid)).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'eight ch',
    });
    expect(signUpSchema.safeParse({ ...valid, password: '🔑'.repeat(4) + '    ' }).success).toBe(
      true,
    );
    expect(signUpSchema.safeParse({ ...valid, password: 'x'.repeat(128) }).success).toBe(true);
  });

  it('explains what is wrong, per field', () => {
    const result = signUpSchema.safeParse({ name: ' ', email: 'not-an-email', password: 'short' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path[0], issue.message]),
    );
    expect(messages).toEqual({
      name: 'Enter your name.',
      email: 'Enter a valid e-mail address, like name@example.com.',
      password: 'Use at least 8 characters.',
    });
    expect(
      signUpSchema.safeParse({ ...valid, password: 'x'.repeat(129) }).error?.issues[0]?.message,
    ).toBe('Use at most 128 characters.');
  });

  it('refuses the most common passwords, whatever their case, with a clear message', () => {
    for (const password of ['password123', 'Password1', 'QWERTYUIOP', 'iloveyou']) {
      const result = signUpSchema.safeParse({ ...valid, password });
      expect(result.success, password).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/one of the most common passwords/);
    }
  });

  it('accepts a 100-byte UTF-8 password', () => {
    const password = 'é'.repeat(50); // 2 bytes each in UTF-8
    expect(Buffer.byteLength(password)).toBe(100);
    expect(signUpSchema.safeParse({ ...valid, password }).success).toBe(true);
  });

  it('does not trim passwords at sign-in either', () => {
    expect(signInSchema.parse({ email: 'a@b.co', password: ' spaced ' }).password).toBe(' spaced ');
  });
});

describe('callback paths', () => {
  it.each([
    ['/learn/the-role/the-unseen-layer', '/learn/the-role/the-unseen-layer'],
    ['http://localhost:3000/dashboard?x=1', '/dashboard?x=1'],
    ['https://evil.example/phish', '/phish'],
    ['//evil.example', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['javascript:alert(1)', '/dashboard'],
    [undefined, '/dashboard'],
    [['/a', '/b'], '/dashboard'],
  ])('%s → %s', (input, expected) => {
    expect(callbackPathSchema.parse(input)).toBe(expected);
  });
});

describe('lesson ids', () => {
  it('accepts module/lesson slugs only', () => {
    expect(lessonIdSchema.safeParse('the-role/the-unseen-layer').success).toBe(true);
    for (const bad of ['the-role', '../x/y', 'The-Role/x', 'a/b/c', 'a//b', '']) {
      expect(lessonIdSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('control characters in text input', () => {
  const nul = 'a\u0000b';

  it('refuses them in names, cohort names, search terms, notes and messages, with one message', () => {
    const refused = [
      signUpSchema.safeParse({ name: nul, email: 'ada@example.com', password: 'eight ch' }),
      cohortDetailsSchema.safeParse({ name: `Spring${'\u001b'}[31m` }),
      userSearchSchema.safeParse({ q: nul }),
      saveNoteSchema.safeParse({ lessonId: 'the-role/the-unseen-layer', body: nul }),
      nudgeSchema.safeParse({
        cohortId: crypto.randomUUID(),
        userId: crypto.randomUUID(),
        message: `hi\u0007`,
      }),
    ];
    for (const result of refused) {
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((issue) => issue.message)).toContain(controlCharacterMessage);
    }
  });

  it('keeps tabs and line breaks in text that spans lines, and any other Unicode text', () => {
    expect(
      saveNoteSchema.safeParse({
        lessonId: 'the-role/the-unseen-layer',
        body: 'line 1\r\n\tline 2 — ünïcödé 🔑',
      }).success,
    ).toBe(true);
    expect(
      signUpSchema.safeParse({ name: 'Zoë 李', email: 'z@example.com', password: 'eight ch' })
        .success,
    ).toBe(true);
    expect(cohortDetailsSchema.safeParse({ name: 'Line\nbreak' }).success).toBe(false);
  });

  it('does not let a control character into a callback path', () => {
    expect(callbackPathSchema.parse('/learn\u0000x')).toBe('/dashboard');
  });
});

// A failed statement must not carry its parameters into the server log: they are e-mails, names,
// password hashes and note text. Drizzle puts them in the error's message and stack.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { errorFields } from '@/lib/log';
import { testDatabase } from '../support/database';

describe('logging a failed query', () => {
  it('keeps the statement and the driver error, never the values', async () => {
    const secret = 'private-person@example.test';
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
    const error = await testDatabase.db
      .insert(users)
      // A NUL byte makes Postgres refuse the row: the failure an attacker can trigger at will.
      .values({ name: 'Name\u0000With NUL', email: secret, passwordHash: hash })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Error);

    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    pino(sink).error(errorFields(error), 'server action failed');
    const logged = lines.join('');

    expect(logged).toContain('insert into \\"users\\"');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain('With NUL');
    // The message without the fix: "Failed query: ...\nparams: Name\u0000With NUL,private-person@..."
    expect((error as Error).message).toContain(secret);
  });
});

// The password for the operator CLIs (user:create, user:password): read from standard input when
// it is piped (`printf '%s' "$PASSWORD" | npm run user:create -- ...`), so it never appears in the
// shell history or the process list; otherwise a random one is generated and printed once.
import { randomPassword } from '@/db/seed';

export async function readPasswordInput(): Promise<{ password: string; generated: boolean }> {
  if (process.stdin.isTTY) return { password: randomPassword(), generated: true };
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const password = input.replace(/\r?\n$/, '');
  if (password === '') return { password: randomPassword(), generated: true };
  return { password, generated: false };
}

// Run as its own process by throttle.test.ts: does a second server process see the sign-in block
// that the test process recorded? Prints "blocked" or "allowed".
import { assertSignInAllowed, ThrottledError } from '@/lib/dal/throttle';

const [email = '', ip = ''] = process.argv.slice(2);
try {
  await assertSignInAllowed(email, ip);
  console.log('allowed');
} catch (error) {
  console.log(error instanceof ThrottledError ? 'blocked' : `error: ${String(error)}`);
}
process.exit(0);

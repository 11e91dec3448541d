import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPublicBaseUrl } from '@/lib/public-url';

// What an attacker sends with a reset request: their own host, every way a proxy could say it.
const forged = new Headers({
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
});

afterEach(() => vi.unstubAllEnvs());

describe('links in e-mails', () => {
  it('in production come from APP_URL, whatever the request says, on the embedded database too', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('APP_URL', 'https://backend-path.example');
    expect(getPublicBaseUrl(forged)).toBe('https://backend-path.example');
  });

  it('in production without APP_URL are refused, never built from the request', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('APP_URL', '');
    expect(() => getPublicBaseUrl(forged)).toThrow(/APP_URL is not set/);
  });

  it("on Vercel use the project's production domain, a platform setting", () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('VERCEL', '1');
    vi.stubEnv('VERCEL_PROJECT_PRODUCTION_URL', 'backend-path.vercel.app');
    expect(getPublicBaseUrl(forged)).toBe('https://backend-path.vercel.app');
  });

  it('under next dev follow the request, where nobody can forge it for someone else', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('APP_URL', '');
    expect(getPublicBaseUrl(new Headers({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMailPrintedToConsole, sendMail } from '@/lib/mail';
import { logger } from '@/lib/log';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const message = {
  to: 'someone@example.test',
  subject: 'Reset your Backend Path password',
  text: 'Open https://backend-path.example/reset-password?token=secret-token-value',
};

describe('e-mail without SMTP_URL', () => {
  it('is printed for the developer under next dev', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('SMTP_URL', '');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await sendMail(message);
    expect(info.mock.calls.join('\n')).toContain('secret-token-value');
  });

  it('in production, on the embedded database too, prints nothing and logs no recipient or link', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('DATABASE_URL', '');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    await sendMail(message);
    expect(info).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain('an e-mail was not sent');
    expect(logged).not.toContain('someone@example.test');
    expect(logged).not.toContain('secret-token-value');
  });
});

describe('where the "we sent you a link" pages say the link is', () => {
  it('in the console only in local use without SMTP_URL', () => {
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('NODE_ENV', 'development');
    expect(isMailPrintedToConsole()).toBe(true);
    vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
    expect(isMailPrintedToConsole()).toBe(false);
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('NODE_ENV', 'production');
    expect(isMailPrintedToConsole()).toBe(false);
  });
});

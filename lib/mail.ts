import 'server-only';
// Sends e-mail through SMTP_URL with nodemailer. Without SMTP_URL, `npm run dev` prints the message
// to the console so links can be followed; production (whatever the database) logs only that
// nothing was sent, never the recipient or the body (it may hold a secret link).
import { parseEnv } from './env';
import { logger } from './log';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Local use without SMTP_URL: messages are printed in the server's console, not sent. */
export function isMailPrintedToConsole(): boolean {
  const env = parseEnv();
  return !env.SMTP_URL && env.NODE_ENV === 'development';
}

export async function sendMail(message: MailMessage): Promise<void> {
  const env = parseEnv();
  if (env.SMTP_URL) {
    const { createTransport } = await import('nodemailer');
    const transport = createTransport(env.SMTP_URL);
    await transport.sendMail({
      from: env.MAIL_FROM ?? 'Backend Path <no-reply@backend-path.local>',
      ...message,
    });
    return;
  }
  if (isMailPrintedToConsole()) {
    console.info(
      `\n[backend-path] E-mail (SMTP_URL is not set, so it is printed here)\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
    );
    return;
  }
  logger.warn({ subject: message.subject }, 'SMTP_URL is not set: an e-mail was not sent');
}

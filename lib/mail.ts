import 'server-only';
// Sends e-mail through SMTP_URL with nodemailer. Without SMTP_URL, local use (embedded database
// or development) prints the message to the server log so links can be followed; production
// logs only that nothing was sent, never the body (it may hold a secret link).
import { isEmbeddedDatabase, parseEnv } from './env';
import { logger } from './log';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
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
  if (isEmbeddedDatabase(env) || env.NODE_ENV !== 'production') {
    console.info(
      `\n[backend-path] E-mail (SMTP_URL is not set, so it is printed here)\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
    );
    return;
  }
  logger.warn({ subject: message.subject }, 'SMTP_URL is not set: an e-mail was not sent');
}

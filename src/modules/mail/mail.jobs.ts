import { msFromEnv } from '../jobs.js';
import type { Job } from '../module.js';
import { deliverMail, type MailTransport, smtpTransport } from './mail.delivery.js';

/** One transport per SMTP URL, made once for the life of the process. */
const transports = new Map<string, MailTransport>();

function transportFor(url: string): MailTransport {
  let transport = transports.get(url);
  if (!transport) {
    transport = smtpTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export const MAIL_JOBS: Job[] = [
  // E-mail leaves the outbox through SMTP when SMTP_URL is set; without, it waits for `clientocracy outbox`.
  {
    name: 'e-mail delivery',
    everyMs: (config, env) => (config.smtpUrl ? msFromEnv(env, 'CLIENTOCRACY_MAIL_MS', 10_000) : null),
    run: async ({ db, config, now }) => {
      if (!config.smtpUrl) return;
      await deliverMail(db, transportFor(config.smtpUrl), config.mailFrom, now);
    },
  },
];

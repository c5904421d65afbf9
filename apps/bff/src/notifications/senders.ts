import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
}

/** A channel's delivery: resolves with the provider name, throws to have the outbox retry later. */
export interface Sender {
  send(msg: OutgoingMessage): Promise<{ provider: string }>;
}

export interface Senders {
  email: Sender;
  sms: Sender;
}

/**
 * With no provider configured (the embedded default) a message is "delivered" to the outbox itself,
 * where the staff console can read it.
 */
export const outboxOnly: Sender = { send: async () => ({ provider: 'outbox' }) };

export function smtpSender(url: string, from: string): Sender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(msg) {
      await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.body });
      return { provider: 'smtp' };
    },
  };
}

export function sendersFromConfig(config: Config): Senders {
  return {
    email: config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : outboxOnly,
    // SMS goes through a provider interface; none is configured here, so messages wait in the outbox.
    sms: outboxOnly,
  };
}

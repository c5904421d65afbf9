import nodemailer, { type Transporter } from 'nodemailer';
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

/**
 * An SMTP sender over one nodemailer transport, created on the first send and reused for every later
 * one (one connection setup per process, not per account per tick). The timeouts keep any send well
 * inside the outbox's claim lease (OUTBOX_CLAIM_LEASE_MS, use-cases/notifications/deliver-outbox.ts).
 */
export function smtpSender(url: string, from: string): Sender {
  let transport: Transporter | undefined;
  return {
    async send(msg) {
      transport ??= nodemailer.createTransport({
        url,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.body });
      return { provider: 'smtp' };
    },
  };
}

/** One set of senders per process and configuration, so the SMTP transport is shared by every account. */
const processSenders = new Map<string, Senders>();

export function sendersFromConfig(config: Config): Senders {
  const key = `${config.smtpUrl ?? ''}\n${config.mailFrom}`;
  let senders = processSenders.get(key);
  if (!senders) {
    senders = {
      email: config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : outboxOnly,
      // SMS goes through a provider interface; none is configured here, so messages wait in the outbox.
      sms: outboxOnly,
    };
    processSenders.set(key, senders);
  }
  return senders;
}

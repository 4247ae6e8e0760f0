import { createTransport } from "nodemailer";
import type { OutgoingMail } from "./compose.ts";

/** Where the worker hands mail over. SMTP in production; tests and the benchmark point it at a local server. */
export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/**
 * An SMTP transport from KITH_SMTP_URL (smtp:// or smtps://, credentials in the URL).
 * Pooled, so a batch reuses connections. Timeouts are short enough that one stuck
 * server cannot hold a claimed batch past its lease (see docs/decisions on mail).
 */
export function smtpTransport(url: string, options: { maxConnections?: number } = {}): MailTransport {
  const transporter = createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      transporter.close();
    },
  };
}

import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
};

/** An SMTP reply the test server gives instead of accepting a recipient, e.g. 450 or 550. */
export type Refusal = { code: number; message: string };

export type TestSmtpServer = {
  /** smtp://127.0.0.1:PORT, as an operator would write KITH_SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** How many times each recipient was offered (RCPT TO), accepted or not. */
  offers: Map<string, number>;
  /** Return a refusal to turn a recipient away; the count is this recipient's offer number (1, 2, …). */
  refuse: (recipient: string, offer: number) => Refusal | undefined;
  close(): Promise<void>;
};

/** A real SMTP server on a free port that keeps what it receives, for tests and the benchmark. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: "",
    received: [],
    offers: new Map(),
    refuse: () => undefined,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      const offer = (state.offers.get(recipient) ?? 0) + 1;
      state.offers.set(recipient, offer);
      const refusal = state.refuse(recipient, offer);
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          state.received.push({
            from: mail.from?.text ?? "",
            to: to.flatMap((list) => list.value.map((entry) => entry.address ?? "")),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

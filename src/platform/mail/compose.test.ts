import { describe, expect, it } from "vitest";
import { composeMail, type QueuedMail } from "./compose.ts";

const queued: QueuedMail = {
  organisationId: "0190a0a0-0000-7000-8000-000000000001",
  id: "0190a0a0-0000-7000-8000-000000000002",
  recipient: "tenant@example.org",
  subject: "Repairs <update>",
  body: 'Your repair is booked.\n\nDetails: https://kith.example/r?a=1&b=2\nCall us if "urgent" <b>now</b>.',
  reason: null,
  organisationName: "Weald & Downs Homes",
  senderName: null,
  senderAddress: null,
};

describe("composing an email", () => {
  it("escapes everything in the HTML part and links only the web address", () => {
    const mail = composeMail(queued, "no-reply@kith.example");
    expect(mail.html).toContain(
      '<a href="https://kith.example/r?a=1&amp;b=2">https://kith.example/r?a=1&amp;b=2</a>',
    );
    expect(mail.html).toContain("&lt;b&gt;now&lt;/b&gt;");
    expect(mail.html).toContain("<title>Repairs &lt;update&gt;</title>");
    expect(mail.html).toContain("Weald &amp; Downs Homes");
    expect(mail.html).not.toContain("<b>");
  });

  it("gives a general reason in the footer when the sender gave none, and the organisation as sender", () => {
    const mail = composeMail(queued, "no-reply@kith.example");
    expect(mail.text).toMatch(
      /\n-- \nWeald & Downs Homes\nYou got this email because you have an account with Weald & Downs Homes/,
    );
    expect(mail.from).toEqual({ name: "Weald & Downs Homes", address: "no-reply@kith.example" });
    expect(mail.messageId).toBe(`<${queued.id}@kith.example>`);
  });
});

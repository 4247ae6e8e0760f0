import { describe, expect, it } from "vitest";
import { composeMail, mailBrand, type QueuedMail } from "./compose.ts";

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
      /\n-- \nWeald & Downs Homes\n\nYou got this email because you have an account with Weald & Downs Homes/,
    );
    expect(mail.from).toEqual({ name: "Weald & Downs Homes", address: "no-reply@kith.example" });
    expect(mail.messageId).toBe(`<${queued.id}@kith.example>`);
  });

  it("signs with the organisation's brand name and contact lines, and shows its colour in the HTML", () => {
    const brand = mailBrand({
      organisationId: queued.organisationId,
      slug: "weald",
      name: "Weald Homes",
      colour: "#6a1b5a",
      contact: { email: "help@weald.example", phone: "01622 000000", address: null, website: null },
      postalAddress: null,
      logoUrl: null,
      stylesheetUrl: null,
    });
    const mail = composeMail({ ...queued, brand }, "no-reply@kith.example");
    expect(mail.text).toContain(
      "\n-- \nWeald Homes\nTelephone: 01622 000000\nEmail: help@weald.example\n\nYou got this email because you have an account with Weald Homes",
    );
    expect(mail.from.name).toBe("Weald Homes");
    expect(mail.html).toContain(
      '<p style="border-top:8px solid #6a1b5a;padding-top:8px"><strong>Weald Homes</strong></p>',
    );
    expect(mail.html).toContain("Telephone: 01622 000000<br>");
  });

  it("draws no coloured band when the organisation uses Kith's colour", () => {
    const mail = composeMail(queued, "no-reply@kith.example");
    expect(mail.html).not.toContain("style=");
  });
});

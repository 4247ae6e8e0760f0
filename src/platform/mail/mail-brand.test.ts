import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { updateBrand } from "../brand/update-brand.ts";
import type { Database } from "../db/database.ts";
import { queueEmails } from "../jobs/outbox.ts";
import type { OutgoingMail } from "./compose.ts";
import { deliverQueuedMail } from "./deliver.ts";

describe("mail in the organisation's brand", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("sends each organisation's mail under its own brand name, colour and contact lines", async () => {
    const weald = await makeOrganisation(database.db, "Weald Homes Ltd");
    const plain = await makeOrganisation(database.db, "Plain Council");
    await updateBrand(database.db, actorFor(weald.id, "organisation-admin"), testNow, {
      displayName: "Weald Homes",
      colour: "#5a2d82",
      contactEmail: "help@weald.example",
      contactPhone: "0300 123 4567",
      contactAddress: "",
      website: "https://weald.example",
    });
    await queueEmails(database.db, weald.id, testNow, [
      { recipient: "a@example.org", subject: "Your repair", body: "It is booked." },
    ]);
    await queueEmails(database.db, plain.id, testNow, [
      { recipient: "b@example.org", subject: "Your vote", body: "Thank you." },
    ]);
    const sent: OutgoingMail[] = [];
    const run = await deliverQueuedMail(
      database,
      { send: async (mail) => void sent.push(mail), close: () => {} },
      testNow,
      { workerId: "test", defaultSender: "no-reply@kith.example" },
    );
    expect(run.sent).toBe(2);
    const wealdMail = sent.find((mail) => mail.to === "a@example.org");
    expect(wealdMail?.from.name).toBe("Weald Homes");
    expect(wealdMail?.text).toContain(
      "-- \nWeald Homes\nTelephone: 0300 123 4567\nEmail: help@weald.example\nhttps://weald.example\n",
    );
    expect(wealdMail?.html).toContain("border-top:8px solid #5a2d82");
    const plainMail = sent.find((mail) => mail.to === "b@example.org");
    expect(plainMail?.text).toContain("-- \nPlain Council\n\n");
    expect(plainMail?.html).not.toContain("style=");
  });
});

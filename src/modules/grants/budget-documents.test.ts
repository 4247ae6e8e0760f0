import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser, testPassword } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import { actorForUser } from "../../platform/auth/users.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog, auditReadLog } from "../../platform/db/platform-schema.ts";
import { docx, pdf } from "../../platform/uploads/sample-files.ts";
import {
  downloadApplicationDocument,
  listApplicationDocuments,
  removeApplicationDocument,
  uploadApplicationDocument,
} from "./commands/application-documents.ts";
import { startApplication, submitApplication } from "./commands/applications.ts";
import {
  addBudgetLine,
  changeBudgetLine,
  listBudgetLines,
  removeBudgetLine,
} from "./commands/budget-lines.ts";
import { getApplicationForStaff } from "./queries/programmes.ts";
import { completeDraft as completeDraftWith, makeProgramme } from "./test-support.ts";

// Budget lines and supporting documents on an application (issue 13 item 7).

let database: Database;
let manager: Actor;
let officer: Actor;
let group: Actor;
let colleague: Actor;
let otherGroup: Actor;
let tenant: Actor;
let otherOfficer: Actor;
let programmeId: string;
const partnerId = "0190aaaa-0000-7000-8000-000000000001";

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer");
  group = actorFor(org.id, "community-group", { partnerOrganisationId: partnerId });
  colleague = actorFor(org.id, "community-group", { partnerOrganisationId: partnerId });
  otherGroup = actorFor(org.id, "community-group");
  tenant = actorFor(org.id, "tenant");
  otherOfficer = actorFor((await makeOrganisation(database.db, "Other Homes")).id, "officer");
  programmeId = (await makeProgramme(database.db, manager, testNow, { code: "BUD-1" })).id;
});
afterAll(async () => database?.close());

/** A draft with every section complete, asking for £1,500. */
const completeDraft = (applicant = group) =>
  completeDraftWith(database.db, applicant, testNow, programmeId, {
    project: { amountRequestedPence: "1500" },
  });

const line = (description: string, amount: string, extra: Record<string, string> = {}) => ({
  description,
  amount,
  otherFunding: "no",
  ...extra,
});

describe("budget lines", () => {
  it("are added, changed and removed by the applicant, and must add up before the application is sent", async () => {
    const db = database.db;
    const draft = await completeDraft();
    const staff = await addBudgetLine(
      db,
      group,
      testNow,
      draft.id,
      line("Sessional worker", "1,000", { category: "staff" }),
    );
    const kit = await addBudgetLine(
      db,
      group,
      testNow,
      draft.id,
      line("Litter pickers", "400", { otherFunding: "yes" }),
    );
    expect([staff.amountPence, staff.category, kit.category, kit.otherFunding]).toEqual([
      100_000,
      "staff",
      null,
      true,
    ]);

    const refused = await problemOf(submitApplication(db, group, testNow, draft.id));
    expect(refused.status).toBe(422);
    expect(refused.fieldErrors?.budget).toBe(
      "Your budget lines add up to £1,400.00 but you are asking for £1,500.00. Change the lines or the amount you are asking for so they are the same",
    );
    await changeBudgetLine(
      db,
      group,
      testNow,
      draft.id,
      kit.id,
      line("Litter pickers and bags", "500", { otherFunding: "yes" }),
    );
    const spare = await addBudgetLine(db, group, testNow, draft.id, line("Spare", "10"));
    await removeBudgetLine(db, group, testNow, draft.id, spare.id);
    const sent = await submitApplication(db, group, testNow, draft.id);
    expect(sent.status).toBe("submitted");

    // Assessors see the lines; the applicant can no longer change them.
    const seen = await getApplicationForStaff(db, officer, testNow, draft.id);
    // Lines made in the same moment list by description.
    expect(seen.budgetLines.map((l) => [l.description, l.amountPence])).toEqual([
      ["Litter pickers and bags", 50_000],
      ["Sessional worker", 100_000],
    ]);
    expect((await problemOf(addBudgetLine(db, group, testNow, draft.id, line("Late", "5")))).status).toBe(
      409,
    );
    expect((await problemOf(removeBudgetLine(db, group, testNow, draft.id, staff.id))).status).toBe(409);
    const audits = await db
      .select({ entityType: auditLog.entityType })
      .from(auditLog)
      .where(
        and(eq(auditLog.organisationId, group.organisationId), eq(auditLog.entityType, "grant-budget-line")),
      );
    expect(audits.length).toBe(5);
  });

  it("reports every mistake in a line at once and saves nothing", async () => {
    const db = database.db;
    const draft = await completeDraft();
    const refused = await problemOf(
      addBudgetLine(db, group, testNow, draft.id, {
        description: " ",
        amount: "12.345",
        category: "biscuits",
      }),
    );
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual([
      "amount",
      "category",
      "description",
      "otherFunding",
    ]);
    expect(await listBudgetLines(db, group.organisationId, draft.id)).toEqual([]);
  });

  it("are not found for another applicant, staff or another organisation", async () => {
    const db = database.db;
    const draft = await completeDraft();
    const own = await addBudgetLine(
      db,
      group,
      testNow,
      draft.id,
      line("Venue hire", "1500", { category: "venue" }),
    );
    for (const stranger of [otherGroup, otherOfficer]) {
      const refused = await problemOf(addBudgetLine(db, stranger, testNow, draft.id, line("Mine", "1")));
      expect([403, 404]).toContain(refused.status);
      expect([403, 404]).toContain(
        (await problemOf(changeBudgetLine(db, stranger, testNow, draft.id, own.id, line("Mine", "1"))))
          .status,
      );
    }
    expect(
      (await problemOf(addBudgetLine(db, officer, testNow, draft.id, line("Staff edit", "1")))).status,
    ).toBe(403);
    expect((await listBudgetLines(db, group.organisationId, draft.id)).map((l) => l.description)).toEqual([
      "Venue hire",
    ]);
  });
});

describe("supporting documents", () => {
  it("keeps a checked PDF and Word document, and refuses the wrong type or a file too large, saving nothing", async () => {
    const db = database.db;
    const draft = await completeDraft();
    const accounts = await uploadApplicationDocument(db, group, testNow, draft.id, {
      documentType: "accounts",
      file: { name: "Accounts 2025.pdf", bytes: pdf },
    });
    await uploadApplicationDocument(db, group, testNow, draft.id, {
      documentType: "constitution",
      file: { name: "constitution.docx", bytes: docx },
    });
    const wrongType = await problemOf(
      uploadApplicationDocument(db, group, testNow, draft.id, {
        documentType: "quote",
        file: { name: "quote.pdf", bytes: new TextEncoder().encode("<html>not a pdf</html>") },
      }),
    );
    expect(wrongType.status).toBe(422);
    expect(wrongType.fieldErrors?.document).toContain("(quote.pdf is not)");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooLarge = await problemOf(
      uploadApplicationDocument(db, group, testNow, draft.id, {
        documentType: "quote",
        file: { name: "quote.pdf", bytes: big },
      }),
    );
    expect(tooLarge.status).toBe(413);
    const noType = await problemOf(
      uploadApplicationDocument(db, group, testNow, draft.id, { documentType: "", file: undefined }),
    );
    expect(Object.keys(noType.fieldErrors ?? {}).sort()).toEqual(["document", "documentType"]);

    const listed = await listApplicationDocuments(db, group.organisationId, draft.id);
    expect(listed.map((d) => [d.documentType, d.fileName, d.contentType])).toEqual([
      ["accounts", "Accounts 2025.pdf", "application/pdf"],
      [
        "constitution",
        "constitution.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
    ]);
    const file = await downloadApplicationDocument(db, group, testNow, draft.id, accounts.id);
    expect(new Uint8Array(file.content)).toEqual(pdf);

    await removeApplicationDocument(db, group, testNow, draft.id, accounts.id);
    expect((await listApplicationDocuments(db, group.organisationId, draft.id)).length).toBe(1);
  });

  it("may be downloaded only by the applicant's organisation and, once sent, the grant staff; downloads are audited", async () => {
    const db = database.db;
    const draft = await completeDraft();
    const document = await uploadApplicationDocument(db, group, testNow, draft.id, {
      documentType: "safeguarding-policy",
      file: { name: "safeguarding.pdf", bytes: pdf },
    });
    // Staff do not see an unsent draft's files.
    expect(
      (await problemOf(downloadApplicationDocument(db, officer, testNow, draft.id, document.id))).status,
    ).toBe(404);
    expect((await downloadApplicationDocument(db, colleague, testNow, draft.id, document.id)).fileName).toBe(
      "safeguarding.pdf",
    );
    await submitApplication(db, group, testNow, draft.id);
    expect((await downloadApplicationDocument(db, officer, testNow, draft.id, document.id)).sizeBytes).toBe(
      pdf.length,
    );
    for (const stranger of [otherGroup, tenant, otherOfficer]) {
      expect(
        (await problemOf(downloadApplicationDocument(db, stranger, testNow, draft.id, document.id))).status,
      ).toBe(404);
    }
    // A sent application's documents cannot be removed.
    expect(
      (await problemOf(removeApplicationDocument(db, group, testNow, draft.id, document.id))).status,
    ).toBe(409);
    const reads = await db
      .select({ summary: auditReadLog.summary })
      .from(auditReadLog)
      .where(
        and(eq(auditReadLog.organisationId, group.organisationId), eq(auditReadLog.entityId, document.id)),
      );
    expect(reads.map((r) => r.summary)).toEqual([
      expect.stringContaining("document downloaded (safeguarding.pdf)"),
      expect.stringContaining("document downloaded (safeguarding.pdf)"),
    ]);
  });
});

describe("budget and document pages", () => {
  it("let an applicant add a line and upload a file without JavaScript, with clear errors; others get 404", async () => {
    const org = await makeOrganisation(database.db, "Page Homes");
    const app = await buildTestApp(database, undefined, { config: { maxUploadBytes: 12 * 1024 * 1024 } });
    const applicantUser = await addUser(database, org.id, "community-group", "group@page.example");
    await addUser(database, org.id, "community-group", "other@page.example");
    const pageManager = actorFor(org.id, "manager");
    const programme = await makeProgramme(database.db, pageManager, testNow, { code: "BUD-P" });
    const draft = await startApplication(database.db, actorForUser(applicantUser), testNow, programme.id);
    const browser = new TestBrowser(app);
    await browser.signIn("group@page.example", testPassword);
    const url = `/grants/apply/applications/${draft.id}`;

    const hub = await (await browser.get(url)).text();
    expect(hub).toContain(`href="${url}/budget"`);
    const bad = await browser.post(
      `${url}/budget`,
      { description: "", amount: "lots" },
      { csrf: await browser.csrfToken(`${url}/budget`) },
    );
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain("govuk-error-summary");
    expect(badPage).toContain("Enter what the money is for");
    const added = await browser.post(
      `${url}/budget`,
      { description: "Hall hire", amount: "250", category: "venue", otherFunding: "no" },
      { csrf: await browser.csrfToken(`${url}/budget`) },
    );
    expect(added.status).toBe(303);
    const budgetPage = await (await browser.get(`${url}/budget`)).text();
    expect(budgetPage).toContain("Hall hire");
    expect(budgetPage).toContain("£250.00");

    const upload = async (name: string, bytes: Uint8Array, documentType = "quote") => {
      const form = new FormData();
      form.set("_csrf", await browser.csrfToken(`${url}/documents`));
      form.set("documentType", documentType);
      form.set("document", new File([bytes], name));
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      return app.request(`${url}/documents`, { method: "POST", body: form, headers: { cookie } });
    };
    const wrong = await upload("quote.pdf", new TextEncoder().encode("GIF89a"));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("(quote.pdf is not)");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const large = await upload("quote.pdf", big);
    expect(large.status).toBe(413);
    expect(await large.text()).toContain("must be smaller than 10 MB");
    expect((await upload("quote.pdf", pdf)).status).toBe(303);
    const [document] = await listApplicationDocuments(database.db, org.id, draft.id);
    const download = await browser.get(`${url}/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="quote.pdf"');

    const other = new TestBrowser(app);
    await other.signIn("other@page.example", testPassword);
    expect((await other.get(`${url}/documents/${document.id}`)).status).toBe(404);
    expect((await other.get(`${url}/budget`)).status).toBe(404);
  });
});

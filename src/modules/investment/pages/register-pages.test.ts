import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { expectRefused } from "../../../../test/refused-form.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPerson, personReference } from "../../people/index.ts";
import { recordAttendance } from "../commands/record-session.ts";
import { registerParticipant } from "../commands/register-participant.ts";
import { getSession } from "../queries/delivery.ts";
import { lightSession, makeLunchClub } from "../test-project.ts";

// The attendance register at scale, posted as a browser without JavaScript would post it.

let database: Database;
let manager: TestBrowser;
let token: string;
let actor: Actor;
let projectId: string;
let lastWeek: string;
let today: string;
let future: string;
const people: Record<string, { personId: string; participantId?: string }> = {};

const session = (title: string, heldOn: string) =>
  lightSession(database.db, actor, testNow, { projectId, title, heldOn });

const send = (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: token });
  for (const [key, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  return manager.app.request(path, {
    method: "POST",
    body,
    headers: {
      cookie: [...manager.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
  });
};
const register = async (id: string) => (await getSession(database.db, actor, testNow, id)).register;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  actor = actorFor(organisationId, "manager");
  projectId = await makeLunchClub(database.db, actor, testNow);
  const add = async (
    key: string,
    givenName: string,
    familyName: string,
    extra: Record<string, string>,
    participant: boolean,
  ) => {
    const { id } = await createPerson(database.db, actor, testNow, {
      givenName,
      familyName,
      personType: "tenant",
      confirmNotDuplicate: "yes",
      ...extra,
    });
    people[key] = { personId: id };
    if (participant)
      people[key].participantId = (
        await registerParticipant(database.db, actor, testNow, { personId: id, communities: [] })
      ).id;
  };
  await add(
    "annaYoung",
    "Anna",
    "Smith",
    { dateOfBirth: "1995-03-01", address: "4 Elm Road", postcode: "TN23 1AA" },
    true,
  );
  await add("annaOld", "Anna", "Smith", { dateOfBirth: "1950-03-01", postcode: "BN1 2AB" }, true);
  await add("smita", "Smita", "Patel", { postcode: "TN24 8ZZ" }, false);
  await add("zoe", "Zoe", "Quill", {}, true);
  await add("percent", "50%", "Off", {}, true);
  lastWeek = await session("Lunch club", "2026-06-08");
  today = await session("Lunch club", "2026-06-15");
  future = await session("Lunch club", "2026-07-01");
  await recordAttendance(database.db, actor, testNow, lastWeek, {
    attendees: [
      { participantId: people.zoe.participantId ?? "" },
      { participantId: people.annaOld.participantId ?? "" },
    ],
  });
  await addUser(database, organisationId, "manager", "manager@example.org");
  manager = new TestBrowser(await buildTestApp(database));
  await manager.signIn("manager@example.org");
  token = await manager.csrfToken("/investment");
});
afterAll(async () => database.close());

describe("the attendance register", () => {
  it("lists only the session's people, never the organisation's", async () => {
    const page = await (await manager.get(`/investment/sessions/${today}`)).text();
    expect(page).toContain("Search by name, postcode or reference");
    expect(page).not.toContain("Zoe Quill");
    expect(page).toContain('data-kith-live-search="/investment/sessions/');
  });

  it("finds people by name, telling namesakes apart, and offers people not yet taking part", async () => {
    const page = await (await manager.get(`/investment/sessions/${today}?q=smi`)).text();
    expect(page).toContain("3 people found for “smi”");
    expect(page).toContain(`aged 25 to 49, Elm Road, ref ${personReference(people.annaYoung.personId)}`);
    expect(page).toContain(`50 or over, BN1 2AB, ref ${personReference(people.annaOld.personId)}`);
    expect(page).toContain(`value="person:${people.smita.personId}"`);
    expect(page).toContain("not yet a participant");
  });

  it("finds people by postcode and by reference", async () => {
    const byPostcode = await (await manager.get(`/investment/sessions/${today}?q=tn24`)).text();
    expect(byPostcode).toContain("Smita Patel");
    expect(byPostcode).not.toContain("Anna Smith");
    const reference = personReference(people.zoe.personId);
    const byReference = await (await manager.get(`/investment/sessions/${today}?q=${reference}`)).text();
    expect(byReference).toContain("Zoe Quill");
  });

  it("refuses a one-character search with a clear error, and treats % as a character", async () => {
    const short = await manager.get(`/investment/sessions/${today}?q=a`);
    await expectRefused(short, 'href="#q"', "Enter at least 2 characters of a name, postcode or reference");
    const percent = await (
      await manager.get(`/investment/sessions/${today}?q=${encodeURIComponent("50%")}`)
    ).text();
    expect(percent).toContain("1 person found");
    const wildcard = await (
      await manager.get(`/investment/sessions/${today}?q=${encodeURIComponent("%a")}`)
    ).text();
    expect(wildcard).toContain("0 people found");
  });

  it("answers the as-you-type script with the results alone", async () => {
    const response = await manager.get(`/investment/sessions/${today}/candidates?q=zoe`);
    expect(response.status).toBe(200);
    const fragment = await response.text();
    expect(fragment).toContain("Zoe Quill");
    expect(fragment).not.toContain("<html");
    expect((await manager.get(`/investment/sessions/${today}/candidates?q=z`)).status).toBe(422);
  });

  it("adds a ticked person found by search, registering them as a participant in the same step", async () => {
    const response = await send(`/investment/sessions/${today}/register/add`, {
      q: "smi",
      mode: "ticked",
      role: "participant",
      add: `person:${people.smita.personId}`,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/investment/sessions/${today}?done=added&q=smi`);
    const rows = await register(today);
    expect(rows.map((r) => r.displayName)).toEqual(["Smita Patel"]);
    expect(rows[0].personId).toBe(people.smita.personId);
  });

  it("copies the last session's people and marks them all present", async () => {
    const page = await (await manager.get(`/investment/sessions/${today}?from=last`)).text();
    expect(page).toContain("From the last session");
    expect(page).toContain("Mark all 2 present");
    const response = await send(`/investment/sessions/${today}/register/add`, {
      from: "last",
      mode: "all",
      role: "volunteer",
      listed: [`participant:${people.zoe.participantId}`, `participant:${people.annaOld.participantId}`],
    });
    expect(response.status).toBe(303);
    const rows = await register(today);
    expect(rows.filter((r) => r.role === "volunteer").map((r) => r.minutes)).toEqual([90, 90]);
    const saved = await (await manager.get(`/investment/sessions/${today}`)).text();
    // Anna Smith is on the register with a namesake in the organisation: her detail is shown.
    expect(saved).toContain(`50 or over, BN1 2AB, ref ${personReference(people.annaOld.personId)}`);
    const chooser = await (await manager.get(`/investment/sessions/${today}/outcome`)).text();
    expect(chooser).toContain('action="/impact/outcomes/new"');
    expect(chooser).toContain(`name="projectId" value="${projectId}"`);
    expect(chooser).toContain(`value="${people.zoe.participantId}"`);
    // The outcome form then opens for that person and project: no drop-down of every participant.
    const form = await (
      await manager.get(
        `/impact/outcomes/new?participantId=${people.zoe.participantId}&projectId=${projectId}`,
      )
    ).text();
    expect(form).toContain(`<input type="hidden" name="participantId" value="${people.zoe.participantId}">`);
    expect(form).not.toContain("Choose a participant");
    expect(form).toMatch(new RegExp(`<option value="${projectId}" selected>Lunch club`));
  });

  it("saves the register as a group and adds the group to another session", async () => {
    const saved = await send(`/investment/sessions/${today}/register/group`, { name: "Monday regulars" });
    expect(saved.status).toBe(303);
    const page = await (await manager.get(`/investment/sessions/${lastWeek}`)).text();
    const groupId = /<option value="([0-9a-f-]{36})"[^>]*>Monday regulars \(3\)/.exec(page)?.[1];
    expect(groupId).toBeDefined();
    const listed = await (await manager.get(`/investment/sessions/${lastWeek}?group=${groupId}`)).text();
    expect(listed).toContain("The group Monday regulars");
    expect(listed).toContain("Mark all 1 present");
    const empty = await send(`/investment/sessions/${today}/register/group`, { name: " " });
    await expectRefused(empty, "Enter a name for the group");
  });

  it("takes off whoever is unticked, and changes nothing when everyone stays ticked", async () => {
    const stay = (await register(today))
      .map((r) => r.participantId)
      .filter((id) => id !== people.zoe.participantId);
    const response = await send(`/investment/sessions/${today}/register/remove`, { present: stay });
    expect(response.status).toBe(303);
    expect((await register(today)).map((r) => r.displayName)).not.toContain("Zoe Quill");
    const unchanged = await send(`/investment/sessions/${today}/register/remove`, { present: stay });
    expect(unchanged.headers.get("location")).toContain("done=unchanged");
    expect((await register(today)).length).toBe(stay.length);
  });

  it("refuses an empty addition, a made-up id and a future session, saving nothing", async () => {
    const nobody = await send(`/investment/sessions/${today}/register/add`, {
      mode: "ticked",
      role: "participant",
    });
    await expectRefused(nobody, "Tick at least one person to add");
    const before = (await register(today)).length;
    const madeUp = await send(`/investment/sessions/${today}/register/add`, {
      mode: "ticked",
      role: "participant",
      add: [`person:${people.zoe.personId}`, "participant:0190a0a0-0000-7000-8000-000000000000"],
    });
    expect(madeUp.status).toBe(422);
    expect((await register(today)).length).toBe(before);
    const tooSoon = await send(`/investment/sessions/${future}/register/add`, {
      mode: "ticked",
      role: "participant",
      add: `participant:${people.zoe.participantId}`,
    });
    await expectRefused(tooSoon, "which is in the future");
    expect(await register(future)).toEqual([]);
  });

  it("summarises the project's sessions, reach, outcomes, spend and social value on its page", async () => {
    const page = await (await manager.get(`/investment/projects/${projectId}`)).text();
    const figure = (label: string) =>
      new RegExp(`>${label}</p><p class="govuk-heading-l govuk-!-margin-bottom-1">([^<]+)</p>`).exec(
        page,
      )?.[1];
    expect(page).toContain("The last twelve months");
    // Two sessions have happened by 15 June; the one on 1 July has not.
    expect(figure("Sessions")).toBe("2");
    // Zoe and the older Anna last week, Smita this week (Anna volunteered this week: counted apart).
    expect(figure("People reached")).toBe("3");
    expect(figure("Volunteers")).toBe("1");
    expect(figure("Outcomes recorded")).toBe("0");
    expect(figure("Spent")).toBe("£0");
    expect(figure("Social value")).toBe("£0");
    expect(page).toContain(`/impact/outcomes/new?projectId=${projectId}`);
  });
});

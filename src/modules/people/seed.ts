import { newId } from "../../platform/db/ids.ts";
import { pick } from "../../seed/random.ts";
import { withReferencesCheckedOnce } from "../../seed/references-checked-once.ts";
import type { SeedContext } from "../module.ts";
import { orgIdentifierFor } from "./commands/partner-organisations.ts";

/** Names the demo seed gives people; the register benchmarks build their people from them too. */
export const givenNames = [
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Mia",
  "Grace",
  "Lily",
  "Freya",
  "Sophie",
  "Ella",
  "Chloe",
  "Jessica",
  "Zainab",
  "Priya",
  "Agnieszka",
  "Maria",
  "Fatima",
  "Chantelle",
  "Kerry",
  "Tracey",
  "Oliver",
  "George",
  "Harry",
  "Noah",
  "Jack",
  "Leo",
  "Arthur",
  "Charlie",
  "Jacob",
  "Thomas",
  "Mohammed",
  "Kwame",
  "Tomasz",
  "Ravi",
  "Darren",
  "Lee",
  "Wayne",
  "Stephen",
  "Patrick",
  "Terry",
];
export const familyNames = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Patel",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Khan",
  "Kowalski",
  "Nowak",
  "Okafor",
  "Mensah",
  "Ahmed",
  "Singh",
  "Murphy",
  "O'Brien",
  "Hughes",
  "Edwards",
  "Turner",
  "Baker",
  "Harris",
  "Cooper",
  "King",
  "Ward",
  "Price",
  "Bennett",
];

const partners: { name: string; kind: string; charity?: string; company?: string; town: string }[] = [
  { name: "Kent Police (Community Safety Unit)", kind: "agency", town: "Maidstone" },
  { name: "Medway Council Community Safety Partnership", kind: "public-body", town: "Chatham" },
  { name: "Kent Fire and Rescue Service", kind: "agency", town: "Maidstone" },
  { name: "Thanet Community Action", kind: "community-group", town: "Margate" },
  { name: "Chatham Hill Residents' Association", kind: "community-group", town: "Chatham" },
  { name: "Sheerness Youth Collective", kind: "community-group", town: "Sheerness" },
  { name: "Folkestone Foodbank", kind: "charity", charity: "1151027", town: "Folkestone" },
  { name: "Age Well Kent", kind: "charity", charity: "1128736", company: "06786432", town: "Canterbury" },
  { name: "Medway Mind", kind: "charity", charity: "1093741", town: "Gillingham" },
  { name: "Dover Street Pastors", kind: "charity", charity: "1140211", town: "Dover" },
  {
    name: "Swale Citizens Advice",
    kind: "charity",
    charity: "1124386",
    company: "06549881",
    town: "Sittingbourne",
  },
  { name: "Gravesham Community Garden Trust", kind: "charity", charity: "1173452", town: "Gravesend" },
  { name: "Ashford Youth Football Club", kind: "community-group", town: "Ashford" },
  { name: "Invicta Mediation Service", kind: "charity", charity: "1109876", town: "Maidstone" },
  { name: "Rising Sun Domestic Abuse Service", kind: "charity", charity: "1092157", town: "Canterbury" },
  {
    name: "Garden of England Social Enterprises CIC",
    kind: "social-enterprise",
    company: "11654321",
    town: "Tonbridge",
  },
  { name: "Hoo Peninsula Repair Café", kind: "community-group", town: "Hoo" },
  { name: "Oast Build Contractors Ltd", kind: "supplier", company: "04567321", town: "Ashford" },
  { name: "Southern Grounds Maintenance Ltd", kind: "supplier", company: "07865432", town: "Maidstone" },
  { name: "Channel Gas Services Ltd", kind: "supplier", company: "05432198", town: "Dover" },
  { name: "Kentish Roofing and Repairs Ltd", kind: "supplier", company: "09988776", town: "Sittingbourne" },
  {
    name: "Weald Digital Inclusion CIC",
    kind: "social-enterprise",
    company: "12345678",
    town: "Tunbridge Wells",
  },
];

export async function seedPeople(context: SeedContext): Promise<void> {
  const { database, organisationId, now, random } = context;
  const homes = await database.query<{ id: string; postcode: string; tenure: string }>(
    "SELECT id, postcode, tenure FROM home WHERE organisation_id = $1 ORDER BY uprn",
    [organisationId],
  );
  const people: Record<string, unknown>[] = [];
  const households: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const tenancies: Record<string, unknown>[] = [];
  const holders: Record<string, unknown>[] = [];
  const year = now.getUTCFullYear();
  const date = (fromYear: number, toYear: number) =>
    `${fromYear + Math.floor(random() * (toYear - fromYear + 1))}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  for (const home of homes) {
    // About 1 in 15 homes is between tenancies (void) at any time.
    if (random() < 0.065) continue;
    const familyName = pick(random, familyNames);
    const householdId = newId(now.getTime());
    households.push({ id: householdId, homeId: home.id, name: `${familyName} household` });
    const tenancyId = newId(now.getTime());
    tenancies.push({
      id: tenancyId,
      homeId: home.id,
      tenancyType:
        home.tenure === "shared-ownership"
          ? "shared-ownership-lease"
          : random() < 0.1
            ? "starter"
            : "assured",
      startDate: date(1995, year - 1),
    });
    const size = 1 + Math.floor(random() * random() * 5);
    for (let i = 0; i < size; i++) {
      const isTenant = i === 0 || (i === 1 && random() < 0.4);
      const id = newId(now.getTime());
      const given = pick(random, givenNames);
      people.push({
        id,
        givenName: given,
        familyName,
        dateOfBirth: isTenant ? date(1940, year - 18) : date(1950, year - 1),
        email:
          isTenant && random() < 0.7
            ? `${given}.${familyName}${Math.floor(random() * 100)}@example.com`
                .toLowerCase()
                .replace(/'/g, "")
            : null,
        phone:
          isTenant && random() < 0.8
            ? `07700 900${String(Math.floor(random() * 1000)).padStart(3, "0")}`
            : null,
        homeId: home.id,
        postcode: home.postcode,
        personType: isTenant ? "tenant" : "resident",
      });
      members.push({
        householdId,
        personId: id,
        relationship:
          i === 0
            ? "lead tenant"
            : isTenant
              ? "joint tenant"
              : pick(random, ["partner", "child", "parent", "other relative", "lodger"]),
      });
      if (isTenant) holders.push({ tenancyId, personId: id });
    }
  }
  const insert = async (sql: string, rows: Record<string, unknown>[], keys: string[]) => {
    for (let start = 0; start < rows.length; start += 2000) {
      const batch = rows.slice(start, start + 2000);
      await database.query(sql, [
        organisationId,
        now.toISOString(),
        ...keys.map((key) => batch.map((row) => row[key] ?? null)),
      ]);
    }
  };
  const written = ["person", "household", "household_member", "tenancy", "tenancy_holder", "person_equality"];
  await withReferencesCheckedOnce(database, written, async () => {
    await insert(
      `INSERT INTO person (organisation_id, created_at, id, given_name, family_name, date_of_birth, email, phone, home_id, postcode, person_type)
       SELECT $1, $2::timestamptz, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[])`,
      people,
      ["id", "givenName", "familyName", "dateOfBirth", "email", "phone", "homeId", "postcode", "personType"],
    );
    await insert(
      `INSERT INTO household (organisation_id, created_at, id, home_id, name) SELECT $1, $2::timestamptz, * FROM unnest($3::uuid[], $4::uuid[], $5::text[])`,
      households,
      ["id", "homeId", "name"],
    );
    await insert(
      `INSERT INTO household_member (organisation_id, household_id, person_id, relationship) SELECT $1, * FROM unnest($3::uuid[], $4::uuid[], $5::text[]) WHERE $2::text IS NOT NULL`,
      members,
      ["householdId", "personId", "relationship"],
    );
    await insert(
      `INSERT INTO tenancy (organisation_id, created_at, id, home_id, tenancy_type, start_date) SELECT $1, $2::timestamptz, * FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::date[])`,
      tenancies,
      ["id", "homeId", "tenancyType", "startDate"],
    );
    await insert(
      `INSERT INTO tenancy_holder (organisation_id, tenancy_id, person_id) SELECT $1, * FROM unnest($3::uuid[], $4::uuid[]) WHERE $2::text IS NOT NULL`,
      holders,
      ["tenancyId", "personId"],
    );

    // Equality monitoring for a consenting minority, as in real returns.
    const consenting = people.filter(() => random() < 0.3).slice(0, 2500);
    await insert(
      `INSERT INTO person_equality (organisation_id, consent_given_at, consent_recorded_by, person_id, ethnic_group, disability, sex)
       SELECT $1, $2::timestamptz, $1, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[])`,
      consenting.map((p) => ({
        id: p.id,
        ethnic: pick(random, [
          "White British",
          "White British",
          "White British",
          "White other",
          "Asian or Asian British",
          "Black or Black British",
          "Mixed",
          "Other",
          "Prefer not to say",
        ]),
        disability: random() < 0.24 ? "yes" : "no",
        sex: pick(random, ["female", "male"]),
      })),
      ["id", "ethnic", "disability", "sex"],
    );
  });

  for (const partner of partners) {
    const value = { charityNumber: partner.charity ?? null, companyNumber: partner.company ?? null };
    await database.query(
      `INSERT INTO partner_organisation (organisation_id, id, name, kind, charity_number, company_number, org_identifier, address, email, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        organisationId,
        newId(now.getTime()),
        partner.name,
        partner.kind,
        value.charityNumber,
        value.companyNumber,
        orgIdentifierFor(value),
        partner.town,
        `hello@${partner.name.toLowerCase().replace(/[^a-z]+/g, "")}.example.org`,
        now.toISOString(),
      ],
    );
  }
  context.log(
    `    ${people.length} residents in ${households.length} households, ${partners.length} partner organisations`,
  );
}

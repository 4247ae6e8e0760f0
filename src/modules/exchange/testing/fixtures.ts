import { testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPartnerOrganisation } from "../../people/index.ts";
import { createContract } from "../commands/create-contract.ts";

// Test-only: the partners and the tendered contract the exchange tests start from, made through the
// real commands so a test sees what an officer would have set up.

/** A community group or supplier on the landlord's records, with no contact details. Returns its id. */
export async function makePartner(
  database: Database,
  officer: Actor,
  name: string,
  kind: "community-group" | "supplier",
): Promise<string> {
  const partner = await createPartnerOrganisation(database.db, officer, testNow, {
    name,
    kind,
    charityNumber: "",
    companyNumber: "",
    address: "",
    postcode: "",
    laCode: "",
    website: "",
    email: "",
    phone: "",
  });
  return partner.id;
}

/** The repairs contract out to tender: £1m, 10% of the score for social value, three themes. */
export function tenderRepairsContract(database: Database, officer: Actor) {
  return createContract(database.db, officer, testNow, {
    title: "Responsive repairs 2026–2029",
    description: "Repairs to 7,000 homes.",
    valuePence: 100_000_000,
    weightingBp: 1000,
    themes: ["local-employment", "community-development", "green"],
    themeWeights: { green: 5000 },
    fullMarksShareBp: 500,
    tenderCloses: "2026-07-31",
  });
}

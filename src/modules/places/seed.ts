import { newId } from "../../platform/db/ids.ts";
import { pick, pickWeighted } from "../../seed/random.ts";
import type { SeedContext } from "../module.ts";
import { stockCategoryOfTenure } from "./commands/home-input.ts";
import type { Tenure } from "./schema.ts";

// Kent's 12 districts and Medway, with real postcode districts for each, and a
// share of the landlord's ~7,000 homes roughly in line with social housing there.
const districts: { code: string; town: string; postcodes: string[]; share: number }[] = [
  { code: "E07000105", town: "Ashford", postcodes: ["TN23", "TN24", "TN25", "TN26"], share: 7 },
  { code: "E07000106", town: "Canterbury", postcodes: ["CT1", "CT2", "CT3", "CT6"], share: 8 },
  { code: "E07000107", town: "Dartford", postcodes: ["DA1", "DA2", "DA10"], share: 6 },
  { code: "E07000108", town: "Dover", postcodes: ["CT15", "CT16", "CT17", "CT14"], share: 7 },
  { code: "E07000109", town: "Gravesend", postcodes: ["DA11", "DA12", "DA13"], share: 7 },
  { code: "E07000110", town: "Maidstone", postcodes: ["ME14", "ME15", "ME16", "ME17"], share: 9 },
  { code: "E07000111", town: "Sevenoaks", postcodes: ["TN13", "TN14", "TN15"], share: 4 },
  { code: "E07000112", town: "Folkestone", postcodes: ["CT18", "CT19", "CT20", "CT21"], share: 7 },
  { code: "E07000113", town: "Sittingbourne", postcodes: ["ME10", "ME11", "ME12", "ME13"], share: 9 },
  { code: "E07000114", town: "Margate", postcodes: ["CT9", "CT10", "CT11", "CT12"], share: 10 },
  { code: "E07000115", town: "Tonbridge", postcodes: ["TN9", "TN10", "TN11"], share: 5 },
  { code: "E07000116", town: "Tunbridge Wells", postcodes: ["TN1", "TN2", "TN3", "TN4"], share: 4 },
  { code: "E06000035", town: "Chatham", postcodes: ["ME1", "ME2", "ME4", "ME5", "ME7", "ME8"], share: 17 },
];

const streetNames = [
  "Oak",
  "Hop Garden",
  "Orchard",
  "Medway",
  "Weald",
  "Downs",
  "Chalk",
  "Cherry",
  "Bramley",
  "Cobnut",
  "Oast",
  "Marsh",
  "Shingle",
  "Harbour",
  "Priory",
  "Abbey",
  "Castle",
  "Mill",
  "Forge",
  "Willow",
  "Hawthorn",
  "Beacon",
  "Kingfisher",
  "Swale",
  "Stour",
  "Darent",
  "Pilgrims",
  "Roman",
  "Station",
  "Church",
  "Victoria",
  "Albion",
  "Cromwell",
  "Invicta",
  "Romney",
  "Whitstable",
  "Lydd",
  "Dane",
  "Coldharbour",
  "Brook",
];
const streetTypes = [
  "Road",
  "Close",
  "Way",
  "Avenue",
  "Gardens",
  "Street",
  "Lane",
  "Drive",
  "Crescent",
  "Walk",
];
const blockWords = ["Court", "House", "Heights", "Lodge", "Point"];
const tenureWeights: [string, number][] = [
  ["social-rent", 70],
  ["affordable-rent", 18],
  ["shared-ownership", 6],
  ["leasehold", 3],
  ["supported", 2],
  ["temporary", 1],
];
const letters = "ABDEFGHJLNPQRSTUWXYZ".split("");

const assetKinds: [string, string, string][] = [
  [
    "community-hall",
    "Community Hall",
    "Weekly lunch club, baby and toddler group, and hire for residents' meetings",
  ],
  ["playground", "Play Area", "Equipped play area for under-12s, inspected weekly"],
  ["youth-club", "Youth Club", "Open-access youth sessions on weekday evenings"],
  ["community-hub", "Community Hub", "Advice drop-ins, food pantry and digital skills classes"],
  ["garden", "Community Garden", "Growing club and food-growing plots for tenants"],
  ["sports-facility", "Multi-use Games Area", "Floodlit games area used by local clubs"],
  ["cafe", "Community Café", "Pay-as-you-feel café run by volunteers"],
  ["library", "Library Link", "Library outreach point with free computers"],
];

export async function seedPlaces(context: SeedContext): Promise<void> {
  const { database, organisationId, now, random } = context;
  await database.query(
    "INSERT INTO organisation_area (organisation_id, la_code) SELECT $1, unnest($2::text[])",
    [organisationId, districts.map((d) => d.code)],
  );
  const lsoas = await database.query<{ code: string; lad_code: string; imd_decile: number }>(
    "SELECT code, lad_code, imd_decile FROM lsoa WHERE edition = 'iod2025' AND lad_code = ANY($1::text[]) ORDER BY code",
    [districts.map((d) => d.code)],
  );
  const lsoa11 = new Set(
    (await database.query<{ code: string }>("SELECT code FROM lsoa WHERE edition = 'iod2019'")).map(
      (r) => r.code,
    ),
  );
  const byDistrict = new Map<string, typeof lsoas>();
  for (const row of lsoas) byDistrict.set(row.lad_code, [...(byDistrict.get(row.lad_code) ?? []), row]);

  const homes: Record<string, unknown>[] = [];
  const totalShare = districts.reduce((sum, d) => sum + d.share, 0);
  let uprn = 200003000000;
  for (const district of districts) {
    const count = Math.round((7000 * district.share) / totalShare);
    const areaLsoas = byDistrict.get(district.code) ?? [];
    // Social housing concentrates where deprivation is higher: weight LSOAs towards decile 1.
    const estates = Array.from({ length: Math.ceil(count / 40) }, () => ({
      lsoa: pickWeighted(random, areaLsoas, (l) => 11 - l.imd_decile),
      street: `${pick(random, streetNames)} ${pick(random, streetTypes)}`,
      postcode: `${pick(random, district.postcodes)} ${1 + Math.floor(random() * 9)}${pick(random, letters)}${pick(random, letters)}`,
      block: random() < 0.35 ? `${pick(random, streetNames)} ${pick(random, blockWords)}` : null,
    }));
    for (let i = 0; i < count; i++) {
      const estate = estates[i % estates.length];
      const number = Math.floor(i / estates.length) + 1;
      uprn += 1 + Math.floor(random() * 7);
      homes.push({
        id: newId(now.getTime()),
        uprn: String(uprn),
        addressLine1: estate.block ? `Flat ${number}, ${estate.block}` : `${number} ${estate.street}`,
        addressLine2: estate.block ? estate.street : null,
        town: district.town,
        postcode: estate.postcode,
        tenure: pickWeighted(random, tenureWeights, ([, w]) => w)[0],
        bedrooms: estate.block ? 1 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3),
        blockName: estate.block,
        laCode: district.code,
        lsoa21Code: estate.lsoa.code,
        lsoa11Code: lsoa11.has(estate.lsoa.code) ? estate.lsoa.code : null,
      });
    }
  }
  for (let start = 0; start < homes.length; start += 2000) {
    const batch = homes.slice(start, start + 2000);
    const col = (key: string) => batch.map((h) => h[key]);
    await database.query(
      `INSERT INTO home (organisation_id, id, uprn, address_line_1, address_line_2, town, postcode, tenure, bedrooms, block_name, la_code, lsoa21_code, lsoa11_code, tsm_stock_category, created_at)
       SELECT $1, *, $13::timestamptz FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $14::text[], $15::text[])`,
      [
        organisationId,
        col("id"),
        col("uprn"),
        col("addressLine1"),
        col("addressLine2"),
        col("town"),
        col("postcode"),
        col("tenure"),
        col("bedrooms"),
        col("blockName"),
        col("laCode"),
        col("lsoa21Code"),
        now.toISOString(),
        col("lsoa11Code"),
        batch.map((h) => stockCategoryOfTenure[h.tenure as Tenure]),
      ],
    );
  }
  context.log(
    `    ${homes.length} homes in ${lsoas.length ? new Set(homes.map((h) => h.lsoa21Code)).size : 0} neighbourhoods`,
  );

  let assets = 0;
  for (const district of districts) {
    const areaLsoas = byDistrict.get(district.code) ?? [];
    for (let i = 0; i < 3; i++) {
      const [type, suffix, use] = pick(random, assetKinds);
      const lsoa = pickWeighted(random, areaLsoas, (l) => 11 - l.imd_decile);
      const opened = `${2000 + Math.floor(random() * 24)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      await database.query(
        `INSERT INTO community_asset (organisation_id, id, name, asset_type, description, address, postcode, la_code, lsoa21_code, owner, opening_hours, current_use, capacity, opened_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          organisationId,
          newId(now.getTime()),
          `${pick(random, streetNames)} ${suffix}`,
          type,
          `${suffix} serving ${district.town} residents`,
          `${1 + Math.floor(random() * 80)} ${pick(random, streetNames)} ${pick(random, streetTypes)}, ${district.town}`,
          `${pick(random, district.postcodes)} ${1 + Math.floor(random() * 9)}${pick(random, letters)}${pick(random, letters)}`,
          district.code,
          lsoa.code,
          random() < 0.6 ? "Weald and Medway Homes" : `${district.town} Town Council`,
          "Monday to Friday 9am to 5pm; evenings by arrangement",
          use,
          type === "playground" ? null : 20 + Math.floor(random() * 150),
          opened,
          now.toISOString(),
        ],
      );
      assets++;
    }
  }
  context.log(`    ${assets} community assets`);
}

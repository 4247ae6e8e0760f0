import { readFile } from "node:fs/promises";
import { systemActor } from "../../../platform/access/actor.ts";
import { directoryServices } from "../../investment/index.ts";
import type { SeedContext } from "../../module.ts";
import { importPostcodeCentroids } from "./commands/import-postcode-centroids.ts";
import { setDirectoryListing } from "./commands/set-directory-listing.ts";
import { kentCentroidsFile, kentCentroidsSource } from "./kent-centroids.ts";

// Demo listings, in turn: who each active service is for and when it runs.
const demoListings = [
  { minimumAge: 60, maximumAge: null, schedules: [{ days: ["WE"], opensAt: "12:00", closesAt: "14:00" }] },
  {
    minimumAge: 11,
    maximumAge: 18,
    schedules: [{ days: ["MO", "TH"], opensAt: "16:00", closesAt: "18:30" }],
  },
  { minimumAge: 18, maximumAge: null, schedules: [{ days: ["TU"], opensAt: "09:30", closesAt: "12:30" }] },
  { minimumAge: null, maximumAge: null, schedules: [{ days: ["SA"], opensAt: "10:00", closesAt: "13:00" }] },
];

/** The Kent and Medway postcode district centroids, and ages and times for the demo's services. */
export async function seedDirectory(context: SeedContext): Promise<void> {
  const actor = systemActor(context.organisationId, "Demo seed");
  const db = context.database.db;
  await importPostcodeCentroids(
    db,
    actor,
    context.now,
    await readFile(kentCentroidsFile, "utf8"),
    kentCentroidsSource,
  );
  const services = await directoryServices(db, context.organisationId, "1900-01-01");
  for (const [index, service] of services.entries())
    await setDirectoryListing(db, actor, context.now, service.id, demoListings[index % demoListings.length]);
}

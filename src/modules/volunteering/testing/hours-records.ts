import { testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";

/** One row of logged hours, as `hoursRecords` writes it. */
export type HoursRow = {
  volunteerId: string;
  roleId: string;
  laCode: string;
  workedOn: string;
  minutes: number;
  status: string;
  projectRef: string | null;
};

/**
 * For tests of figures drawn from volunteering records (hours by project, verified volunteering on
 * the impact dashboard): volunteers, roles, logged hours and an hourly rate written straight into the
 * tables, as they would be after hours were logged and reviewed, without the module's commands.
 */
export function hoursRecords(database: Database, organisationId: string) {
  return {
    async volunteer(name: string): Promise<string> {
      const id = newId();
      await database.query(
        "INSERT INTO volunteer (organisation_id, id, given_name, family_name, email, created_at) VALUES ($1, $2, $3, 'Test', $4, $5)",
        [organisationId, id, name, `${name}@example.org`, testNow],
      );
      return id;
    },
    /** An approved older-people role in the area, its title and activity as given. */
    async role(laCode: string, title: string, activity: string): Promise<string> {
      const id = newId();
      await database.query(
        `INSERT INTO vol_opportunity (organisation_id, id, title, description, activity, theme, remote, la_code,
           time_commitment, places, status, created_by, created_at)
         VALUES ($1, $2, $3, 'Helps', $4, 'older-people', true, $5, 'Weekly', 5, 'approved', 'test', $6)`,
        [organisationId, id, title, activity, laCode, testNow],
      );
      return id;
    },
    async hours(row: HoursRow): Promise<void> {
      const { volunteerId, roleId, workedOn, minutes, laCode, projectRef, status } = row;
      await database.query(
        `INSERT INTO vol_hours (organisation_id, id, volunteer_id, opportunity_id, worked_on, minutes, theme, la_code, project_ref, status, logged_by, logged_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'older-people', $7, $8, $9, 'coordinator', $10)`,
        [
          organisationId,
          newId(),
          volunteerId,
          roleId,
          workedOn,
          minutes,
          laCode,
          projectRef,
          status,
          testNow,
        ],
      );
    },
    /** The 2026 hourly rate the hand-worked figures use: £12.00 an hour. */
    async rate2026(): Promise<void> {
      await database.query(
        "INSERT INTO vol_hourly_rate (organisation_id, id, year, rate_pence, source, recorded_at) VALUES ($1, $2, 2026, 1200, 'Test living wage', $3)",
        [organisationId, newId(), testNow],
      );
    },
  };
}

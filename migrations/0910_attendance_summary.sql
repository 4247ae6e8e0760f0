-- What each person did in each block of 60 calendar months, as month bits (issue 14 item 2): the
-- dashboard's reach figures for a period of whole months group one row a person instead of joining
-- every visit of the period to its session. Month number m = year * 12 + month - 1; block m / 60;
-- bit m % 60. Kept exact by the commands that write attendance, in the same transaction
-- (src/modules/investment/commands/attendance-summary.ts); never rebuilt on a schedule.
--
-- The one definition of a summary row, from attendance, its session and the project's themes. The
-- commands refresh rows from it for the people and blocks they touched; the figures' tests compare
-- the table with it. Two groupings in one chain (per theme, then per person), so a filter on the
-- organisation and people reaches the attendance scan.
CREATE VIEW attendance_summary_source AS
SELECT organisation_id, participant_id, block,
       coalesce(bit_or(resident), 0) AS resident,
       coalesce(bit_or(in_depth), 0) AS in_depth,
       coalesce(bit_or(volunteer), 0) AS volunteer,
       coalesce(bit_or(service_user), 0) AS service_user,
       coalesce(array_agg(theme_id ORDER BY theme_id) FILTER (WHERE theme_id IS NOT NULL AND resident IS NOT NULL), '{}') AS theme_ids,
       coalesce(array_agg(resident ORDER BY theme_id) FILTER (WHERE theme_id IS NOT NULL AND resident IS NOT NULL), '{}') AS theme_resident,
       coalesce(array_agg(coalesce(in_depth, 0) ORDER BY theme_id) FILTER (WHERE theme_id IS NOT NULL AND resident IS NOT NULL), '{}') AS theme_in_depth
FROM (
  SELECT a.organisation_id, a.participant_id,
         (extract(year FROM a.held_on)::int * 12 + extract(month FROM a.held_on)::int - 1) / 60 AS block,
         pt.theme_id,
         bit_or(1::bigint << ((extract(year FROM a.held_on)::int * 12 + extract(month FROM a.held_on)::int - 1) % 60))
           FILTER (WHERE a.role = 'participant') AS resident,
         bit_or(1::bigint << ((extract(year FROM a.held_on)::int * 12 + extract(month FROM a.held_on)::int - 1) % 60))
           FILTER (WHERE a.role = 'participant' AND s.depth = 'in-depth') AS in_depth,
         bit_or(1::bigint << ((extract(year FROM a.held_on)::int * 12 + extract(month FROM a.held_on)::int - 1) % 60))
           FILTER (WHERE a.role = 'volunteer') AS volunteer,
         bit_or(1::bigint << ((extract(year FROM a.held_on)::int * 12 + extract(month FROM a.held_on)::int - 1) % 60))
           FILTER (WHERE a.role = 'service-user-input') AS service_user
  FROM attendance a
  JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
  LEFT JOIN project_theme pt ON pt.organisation_id = s.organisation_id AND pt.project_id = s.project_id
  GROUP BY 1, 2, 3, 4
) per_theme
GROUP BY 1, 2, 3;

CREATE TABLE attendance_summary (
  organisation_id uuid NOT NULL,
  block integer NOT NULL,
  participant_id uuid NOT NULL,
  -- Bit i: came in month block * 60 + i as a resident, a resident at an in-depth session, a volunteer,
  -- a service user giving input.
  resident bigint NOT NULL,
  in_depth bigint NOT NULL,
  volunteer bigint NOT NULL,
  service_user bigint NOT NULL,
  -- Per theme of the sessions' projects (sorted by id): the months as a resident, and in depth.
  theme_ids uuid[] NOT NULL,
  theme_resident bigint[] NOT NULL,
  theme_in_depth bigint[] NOT NULL,
  PRIMARY KEY (organisation_id, block, participant_id),
  FOREIGN KEY (organisation_id, participant_id) REFERENCES participant (organisation_id, id)
);

INSERT INTO attendance_summary (organisation_id, participant_id, block, resident, in_depth, volunteer, service_user,
                                theme_ids, theme_resident, theme_in_depth)
SELECT * FROM attendance_summary_source;

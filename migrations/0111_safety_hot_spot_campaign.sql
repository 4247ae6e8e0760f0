-- Hot-spot campaigns: a manager marks an area (a 2021 neighbourhood, a local authority district or a
-- block of the organisation's homes) for a campaign such as CCTV or a waste amnesty, and the hot
-- spots page reports ASB before and after its start. The area is kept by kind and code, with the
-- name it had when marked. No personal data.
CREATE TABLE safety_hot_spot_campaign (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  area_kind text NOT NULL CHECK (area_kind IN ('neighbourhood', 'district', 'block')),
  area_code text NOT NULL,
  area_name text NOT NULL,
  campaign_type text NOT NULL CHECK (campaign_type IN ('cctv', 'waste-amnesty', 'good-neighbour', 'other')),
  started_on date NOT NULL,
  ended_on date,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX safety_hot_spot_campaign_start ON safety_hot_spot_campaign (organisation_id, started_on);

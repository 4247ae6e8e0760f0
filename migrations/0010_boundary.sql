-- Boundary shapes imported from ONS files (`kith import boundaries`): shared reference data like
-- the lsoa and local_authority tables, owned by no organisation. One row per area and level;
-- geometry is a GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude, already simplified
-- to `tolerance` degrees. An import replaces every row of its level in one transaction.
CREATE TABLE boundary (
  level text NOT NULL CHECK (level IN ('lsoa21', 'lsoa11', 'lad')),
  code text NOT NULL,
  name text,
  geometry jsonb NOT NULL,
  tolerance double precision NOT NULL CHECK (tolerance >= 0),
  source_file text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (level, code)
);

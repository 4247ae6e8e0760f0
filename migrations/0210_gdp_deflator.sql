-- The GDP deflator series (HM Treasury, "GDP deflators at market prices, and money GDP"), used to
-- state social value at one year's prices as the Green Book asks. Reference data shared by every
-- organisation, replaced as a whole by `kith import deflators FILE.csv` (docs/impact.md). Kith ships
-- no copy: none could be checked against the published series where it was built.
CREATE TABLE gdp_deflator (
  year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2100),
  deflator numeric(12, 6) NOT NULL CHECK (deflator > 0),
  source text NOT NULL,
  imported_at timestamptz NOT NULL
);

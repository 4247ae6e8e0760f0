-- Tenant Satisfaction Measures count over "relevant social housing stock": low-cost rental
-- accommodation (LCRA: general needs, supported housing, housing for older people) and low-cost
-- home ownership (LCHO). Leasehold, market-rent and other non-social homes are outside it.
-- NM01's denominator is the relevant stock owned at the end of the reporting year, so homes
-- also carry the dates they were acquired and disposed of. A null acquired_on means the home was
-- owned before Kith's records began (every home that existed before this migration).
ALTER TABLE home ADD COLUMN tsm_stock_category text;
ALTER TABLE home ADD COLUMN acquired_on date;
ALTER TABLE home ADD COLUMN disposed_on date;

-- Existing homes take their category from their tenure (docs/import-homes.md, "TSM stock category").
UPDATE home SET tsm_stock_category = CASE tenure
  WHEN 'social-rent' THEN 'lcra-general-needs'
  WHEN 'affordable-rent' THEN 'lcra-general-needs'
  WHEN 'temporary' THEN 'lcra-general-needs'
  WHEN 'supported' THEN 'lcra-supported-housing'
  WHEN 'shared-ownership' THEN 'lcho'
  WHEN 'leasehold' THEN 'leasehold'
  WHEN 'intermediate-rent' THEN 'non-social'
END;

ALTER TABLE home ALTER COLUMN tsm_stock_category SET NOT NULL;
ALTER TABLE home ADD CONSTRAINT home_tsm_stock_category CHECK (tsm_stock_category IN ('lcra-general-needs',
  'lcra-supported-housing', 'lcra-housing-for-older-people', 'lcho', 'leasehold', 'market-rent', 'non-social'));
ALTER TABLE home ADD CONSTRAINT home_disposed_after_acquired
  CHECK (disposed_on IS NULL OR acquired_on IS NULL OR disposed_on >= acquired_on);
CREATE INDEX home_stock ON home (organisation_id, la_code, tsm_stock_category);

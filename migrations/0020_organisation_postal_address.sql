-- The organisation's postal address, printed in the letterhead of its letters (safety letters first).
-- Lines as the administrator typed them (one a line) and the postcode apart, so it can be checked.
ALTER TABLE organisation_brand ADD COLUMN postal_address text;
ALTER TABLE organisation_brand ADD COLUMN postal_postcode text;
ALTER TABLE organisation_brand ADD CONSTRAINT organisation_brand_postal_address_whole
  CHECK ((postal_address IS NULL) = (postal_postcode IS NULL));

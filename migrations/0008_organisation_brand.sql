-- Each organisation's brand on the pages its residents see: the name they know it by,
-- its logo (a sanitised SVG or a PNG), its colour and how to contact it.
-- One row per organisation; no row means Kith's own brand with the organisation's name.
CREATE TABLE organisation_brand (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id),
  display_name text,
  -- #rrggbb in lower case; its contrast with white text is checked by the application.
  colour text CHECK (colour ~ '^#[0-9a-f]{6}$'),
  contact_email text,
  contact_phone text,
  contact_address text,
  website text,
  logo_content_type text CHECK (logo_content_type IN ('image/svg+xml', 'image/png')),
  logo bytea,
  -- Changes whenever the logo or colour changes, so their URLs can be cached for ever.
  version text NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((logo IS NULL) = (logo_content_type IS NULL))
);

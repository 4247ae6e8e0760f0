// Fictional applicants for the demo (names, numbers and people are invented;
// registration numbers have the right shape but belong to no real organisation).

type DemoApplicant = {
  organisation: {
    organisationName: string;
    organisationType: string;
    charityNumber?: string;
    companyNumber?: string;
    postcode: string;
    town: string;
  };
  contact: { contactName: string; contactEmail: string; contactPhone?: string };
  project: string;
  summary: string;
};

function applicant(
  name: string,
  type: string,
  registration: { charity?: string; company?: string },
  postcode: string,
  town: string,
  contactName: string,
  project: string,
  summary: string,
): DemoApplicant {
  const domain = name
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    organisation: {
      organisationName: name,
      organisationType: type,
      charityNumber: registration.charity ?? "",
      companyNumber: registration.company ?? "",
      postcode,
      town,
    },
    contact: {
      contactName,
      contactEmail: `${contactName.split(" ")[0].toLowerCase()}@${domain}.example.org`,
      contactPhone: "01632 960 123",
    },
    project,
    summary,
  };
}

export const applicants: DemoApplicant[] = [
  applicant(
    "Luton Arches Residents Association",
    "tenants-association",
    {},
    "ME5 7AB",
    "Chatham",
    "Maureen Hale",
    "Luton Arches community garden",
    "Turning a fly-tipped corner of the estate into a food-growing garden run by residents.",
  ),
  applicant(
    "Strood Seniors Lunch Club",
    "registered-charity",
    { charity: "1154321" },
    "ME2 4AA",
    "Strood",
    "Derek Ansah",
    "Friday lunch club",
    "A weekly hot lunch and activities for older residents living alone.",
  ),
  applicant(
    "Gillingham Young Creatives CIC",
    "community-interest-company",
    { company: "12345678" },
    "ME7 1HT",
    "Gillingham",
    "Aisha Khan",
    "Youth music studio",
    "Evening music-production sessions for young people at risk of exclusion.",
  ),
  applicant(
    "Sheerness Men's Shed",
    "charitable-incorporated-organisation",
    { charity: "1187654" },
    "ME12 1RX",
    "Sheerness",
    "Pete Morris",
    "Tools for the shed",
    "Equipment for a men's shed tackling isolation among retired men.",
  ),
  applicant(
    "Canterbury Refugee Welcome",
    "registered-charity",
    { charity: "1160987" },
    "CT1 2QT",
    "Canterbury",
    "Hannah Weiss",
    "English conversation cafe",
    "Weekly conversation practice and advice for newly arrived families.",
  ),
  applicant(
    "Margate Digital Skills Hub",
    "company-limited-by-guarantee",
    { company: "09876543" },
    "CT9 1XZ",
    "Margate",
    "Tom Okafor",
    "Get online in Cliftonville",
    "Drop-in help with devices, universal credit and job searching.",
  ),
  applicant(
    "Tonbridge Foodbank Network",
    "registered-charity",
    { charity: "1134567" },
    "TN9 1EP",
    "Tonbridge",
    "Claire Dunn",
    "Cook and eat on a budget",
    "Six-week cookery courses for families using the foodbank.",
  ),
  applicant(
    "Dartford Parents Together",
    "community-group",
    {},
    "DA1 1DR",
    "Dartford",
    "Sunita Rao",
    "Stay and play sessions",
    "Free weekly stay-and-play for parents of under-fives on the Temple Hill estate.",
  ),
  applicant(
    "Maidstone Cycle Kitchen",
    "community-interest-company",
    { company: "11223344" },
    "ME14 1LT",
    "Maidstone",
    "Gary Lewis",
    "Bike repair for commuters",
    "Refurbished bikes and repair skills for residents starting work.",
  ),
  applicant(
    "Rochester Riverside Friends",
    "community-group",
    {},
    "ME1 1NH",
    "Rochester",
    "Ellen Price",
    "Riverside litter picks",
    "Monthly litter picks with equipment and a celebration event.",
  ),
  applicant(
    "Chatham Boxing Academy",
    "registered-charity",
    { charity: "1178901" },
    "ME4 4SA",
    "Chatham",
    "Kwame Mensah",
    "Boxing for wellbeing",
    "Non-contact boxing sessions for young people referred by the ASB team.",
  ),
  applicant(
    "Faversham Pop-up Cinema",
    "community-group",
    {},
    "ME13 7AA",
    "Faversham",
    "Lucy Grant",
    "Outdoor cinema nights",
    "Free outdoor screenings on the green.",
  ),
];

export const strategicApplicants: DemoApplicant[] = [
  applicant(
    "Kent Tenancy Sustainment Partnership",
    "registered-charity",
    { charity: "1098765" },
    "ME14 5DX",
    "Maidstone",
    "Ruth Bennett",
    "Tenancy sustainment service",
    "Intensive support for tenants at risk of losing their homes.",
  ),
  applicant(
    "Medway Money Advice",
    "charitable-incorporated-organisation",
    { charity: "1176543" },
    "ME4 4TR",
    "Chatham",
    "James Wu",
    "Money advice in our homes",
    "Benefits checks, debt advice and fuel support for residents.",
  ),
  applicant(
    "Thames Gateway Employment Trust",
    "company-limited-by-guarantee",
    { company: "05432109", charity: "1123456" },
    "DA11 0BS",
    "Gravesend",
    "Fatima Noor",
    "Routes into work",
    "Coaching and employer links for residents seeking work.",
  ),
  applicant(
    "Swale Community Transport",
    "registered-charity",
    { charity: "1045678" },
    "ME10 4DE",
    "Sittingbourne",
    "Alan Hughes",
    "Dial-a-ride for residents",
    "Door-to-door transport for residents with limited mobility.",
  ),
  applicant(
    "Ashford Youth Partnership",
    "community-interest-company",
    { company: "13579246" },
    "TN23 1AB",
    "Ashford",
    "Nadia Ali",
    "Detached youth work",
    "Street-based youth work in the three estates with most ASB reports.",
  ),
];

// Which local authority each demo town is in, to record the area that benefits.
const townAuthorities: Record<string, string> = {
  Chatham: "Medway",
  Strood: "Medway",
  Gillingham: "Medway",
  Rochester: "Medway",
  Hoo: "Medway",
  Sheerness: "Swale",
  Faversham: "Swale",
  Sittingbourne: "Swale",
  Canterbury: "Canterbury",
  Margate: "Thanet",
  Tonbridge: "Tonbridge and Malling",
  Dartford: "Dartford",
  Maidstone: "Maidstone",
  Gravesend: "Gravesham",
  Ashford: "Ashford",
};

/** The GSS code of the town's authority if the organisation has homes there, else "" (not recorded). */
export function areaForTown(town: string, areas: { laCode: string; laName: string }[]): string {
  const name = townAuthorities[town];
  return areas.find((area) => area.laName === name)?.laCode ?? "";
}

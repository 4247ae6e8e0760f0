// Every component on one page, including error states and charts. The
// accessibility test renders it in Chromium, and the app can serve it at
// /design-system so people can see the parts they build pages from.

import { formatPence, formatPounds } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import * as ui from "./index.ts";
import { layout } from "./layout.ts";

function section(title: string, content: SafeHtml): SafeHtml {
  return html`<h2 class="govuk-heading-l govuk-!-margin-top-8">${title}</h2>${content}`;
}

function formSection(): SafeHtml {
  return html`<form method="post" action="/design-system" novalidate>
${ui.textInput({ name: "full-name", label: "Full name", autocomplete: "name", spellcheck: false, error: "Enter your full name", hint: "As shown on your tenancy agreement" })}
${ui.textInput({ name: "amount", label: "Amount requested, in pounds", prefix: "£", width: 10, inputmode: "decimal", value: "250.00" })}
${ui.textInput({ name: "email", label: "Email address", type: "email", autocomplete: "email", spellcheck: false, width: "two-thirds" })}
${ui.passwordInput({ name: "password", label: "Password", autocomplete: "current-password" })}
${ui.textarea({ name: "incident", label: "What happened?", hint: "Include where and when", error: "Describe what happened", value: "Noise <after> 11pm & shouting" })}
${ui.select({
  name: "ward",
  label: "Ward",
  value: "north",
  options: [
    { value: "", text: "Choose a ward" },
    { value: "north", text: "Northfield" },
    { value: "south", text: "Southgate" },
  ],
})}
${ui.radios({ name: "contact", legend: "How should we contact you?", error: "Select how we should contact you", hint: "Choose one", items: [{ value: "email", text: "Email" }, { value: "phone", text: "Phone", hint: "We call between 9am and 5pm" }, { divider: "or" }, { value: "none", text: "Do not contact me" }] })}
${ui.radios({
  name: "urgent",
  legend: "Is it urgent?",
  inline: true,
  value: "no",
  items: [
    { value: "yes", text: "Yes" },
    { value: "no", text: "No" },
  ],
})}
${ui.checkboxes({
  name: "support",
  legend: "What support do you need?",
  values: ["money"],
  items: [
    { value: "money", text: "Money advice" },
    { value: "work", text: "Help finding work", hint: "Including training" },
  ],
})}
${ui.dateInput({ name: "incident-date", legend: "When did it happen?", hint: "For example, 27 3 2026", error: "Date must include a year", errorParts: ["year"], value: { day: "27", month: "3" } })}
${ui.dateInput({ name: "dob", legend: "Date of birth", autocomplete: "bday" })}
${ui.fileUpload({ name: "evidence", label: "Upload evidence", hint: "PDF or photo, up to 10MB", error: "The selected file must be smaller than 10MB" })}
${ui.fieldset({ legend: { text: "Address", classes: "govuk-fieldset__legend--m" }, content: ui.textInput({ name: "postcode", label: "Postcode", width: 10, autocomplete: "postal-code" }) })}
${ui.buttonGroup(ui.button({ text: "Save and continue", preventDoubleClick: true }), ui.button({ text: "Save as draft", variant: "secondary", name: "draft", value: "yes" }), ui.button({ text: "Delete case", variant: "warning", type: "button" }))}
</form>
${ui.button({ text: "Start now", href: "/apply", isStartButton: true })}`;
}

function contentSection(): SafeHtml {
  return html`${ui.summaryList([
    {
      key: "Name",
      value: "Sarah Philips",
      actions: [{ href: "/change/name", text: "Change", visuallyHiddenText: "name" }],
    },
    { key: "Grant amount", value: formatPence(125000) },
    {
      key: "Status",
      value: ui.tag("Approved", "green"),
      actions: [
        { href: "/status", text: "Change", visuallyHiddenText: "status" },
        { href: "/history", text: "History", visuallyHiddenText: "of status" },
      ],
    },
  ])}
${ui.table({
  caption: "Open cases",
  head: [
    { text: "Reference", sortKey: "ref" },
    { text: "Resident" },
    { text: "Status" },
    { text: "Days open", numeric: true, sortKey: "age" },
  ],
  sort: { key: "age", dir: "desc" },
  firstCellIsHeader: true,
  rows: [
    ["ASB-0042", "Jo <script>", ui.tag("Open", "blue"), 31],
    ["ASB-0041", "Sam Patel", ui.tag("Closed", "grey"), 12],
  ],
})}
<p class="govuk-body">Tags: ${(["blue", "grey", "green", "turquoise", "purple", "pink", "red", "orange", "yellow"] as const).map((colour) => html`${ui.tag(colour, colour)} `)}</p>
<p class="govuk-body">Badges: ${ui.badge("Urgent", { colour: "red" })} ${ui.badge("3 new", { colour: "blue" })} ${ui.badge("Archived", { colour: "grey" })}</p>
${ui.notificationBanner({ content: "Quarterly returns are due on 30 April.", titleId: "banner-info" })}
${ui.notificationBanner({ type: "success", content: "Case ASB-0042 was closed", titleId: "banner-success", headingLevel: 3 })}
${ui.panel({ title: "Application complete", body: html`Your reference number<br><strong>HDJ2123F</strong>`, headingLevel: 2 })}
${ui.insetText("It can take up to 8 weeks to decide a grant.")}
${ui.warningText("You can be fined up to £5,000 if you do not register.")}
${ui.details({ summary: "Help with nationality", content: "We need to know your nationality so we can work out which elections you’re entitled to vote in." })}
${ui.backLink("/cases")}
${ui.breadcrumbs([{ text: "Home", href: "/" }, { text: "Cases", href: "/cases" }, { text: "ASB-0042" }])}
${ui.pagination({ currentPage: 5, totalPages: 12, href: (page) => `/cases?page=${page}` })}
${ui.taskList([
  { title: "Organisation details", href: "/apply/organisation", status: "Completed" },
  {
    title: "Project budget",
    href: "/apply/budget",
    hint: "Costs and match funding",
    status: ui.tag("Incomplete", "blue"),
  },
  { title: "Declaration", status: "Cannot start yet" },
])}
${ui.phaseBanner({ phase: "Beta", content: html`This is a new service. <a class="govuk-link" href="/feedback">Give feedback</a>.` })}`;
}

function caseWorkSection(): SafeHtml {
  const results = html`${ui.table({
    caption: "12 cases",
    head: [{ text: "Reference", sortKey: "ref" }, { text: "Opened", sortKey: "opened" }, { text: "Risk" }],
    sort: { key: "ref", dir: "asc" },
    sortHref: (key, dir) => `/cases?status=open&sort=${key}&dir=${dir}`,
    rows: [["ASB-0042", "22 November 2026", ui.badge("High", { colour: "red" })]],
  })}`;
  return html`${ui.pageHeaderActions({
    heading: "Case ASB-0042",
    headingLevel: 3,
    headingClasses: "govuk-heading-l",
    actions: [
      { text: "Record action", href: "/cases/42/actions/new" },
      { text: "Export", href: "/cases/42/export", variant: "secondary" },
    ],
  })}
${ui.subNavigation(
  [
    { href: "/cases/42", text: "Summary", current: true },
    { href: "/cases/42/actions", text: "Actions" },
    { href: "/cases/42/documents", text: "Documents" },
  ],
  "Case sections",
)}
${ui.primaryNavigation(
  [
    { href: "/safety", text: "Community safety", current: true },
    { href: "/grants", text: "Grants" },
  ],
  "Case-work areas",
)}
${ui.timeline(
  [
    {
      title: "Warning letter sent",
      by: "Priya Shah",
      at: "2026-11-22T15:04:00Z",
      description: "First written warning about noise.",
    },
    {
      title: "Case opened",
      by: "Alex Green",
      at: "2026-11-01T09:00:00Z",
      description: html`<p class="govuk-body">Reported by a neighbour.</p>`,
    },
  ],
  3,
)}
${ui.filterLayout({
  action: "/cases",
  keep: { sort: "ref" },
  selected: {
    clearHref: "/cases",
    categories: [{ heading: "Status", items: [{ text: "Open", href: "/cases" }] }],
  },
  filters: ui.checkboxes({
    name: "status",
    idPrefix: "filter-status",
    legend: { text: "Status", classes: "govuk-fieldset__legend--s" },
    small: true,
    values: ["open"],
    items: [
      { value: "open", text: "Open" },
      { value: "closed", text: "Closed" },
    ],
  }),
  results,
})}`;
}

function chartSection(): SafeHtml {
  return html`${ui.barChart({
    id: "grants-by-theme",
    title: "Grants awarded by theme, 2026/27",
    description: "Health and wellbeing received the most, £42,000.",
    valueLabel: "Amount awarded",
    categoryLabel: "Theme",
    formatValue: (pence) => formatPounds(pence),
    bars: [
      { label: "Health and wellbeing", value: 4200000 },
      { label: "Employment and skills", value: 3150000 },
      { label: "Environment and green spaces in neighbourhoods", value: 1200000 },
    ],
  })}
${ui.lineChart({
  id: "asb-trend",
  title: "Anti-social behaviour reports by month",
  description: "Reports fell from 48 in April to 30 in September; cases closed rose.",
  periodLabel: "Month",
  periods: ["Apr", "May", "Jun", "Jul", "Aug", "Sep"],
  series: [
    { name: "Reports", values: [48, 44, 41, 39, null, 30] },
    { name: "Cases closed", values: [20, 24, 28, 30, 33, 35] },
    { name: "Repeat callers", values: [8, 7, 9, 6, 5, 4] },
  ],
  table: "details",
})}
${ui.progressBar({ id: "garden-progress", label: "Raised for Westfield community garden", value: 1234500, target: 2000000, formatValue: formatPounds })}
${ui.decileScale({
  id: "imd",
  title: "People helped by deprivation decile",
  description: "Most people helped live in decile 1 and 2 areas, the most deprived 20%.",
  highlight: 2,
  counts: [412, 388, 201, 150, 99, 64, 40, 22, 9, 3],
  countLabel: "People helped",
  table: "visible",
})}`;
}

export function galleryPage(options: { csrfToken?: string } = {}): SafeHtml {
  const content = html`<h1 class="govuk-heading-xl">Kith design system</h1>
<p class="govuk-body">Every component in the Kith UI library, with example content.</p>
${section("Forms", formSection())}
${section("Content", contentSection())}
${section("Case work", caseWorkSection())}
${section("Charts", chartSection())}`;
  return layout({
    title: "Design system",
    user: { name: "Priya Shah", organisationName: "Westfield Homes", role: "Case officer" },
    csrfToken: options.csrfToken ?? "gallery-csrf-token",
    navigation: [
      { href: "/safety", text: "Community safety" },
      { href: "/grants", text: "Grants" },
      { href: "/design-system", text: "Design system", current: true },
    ],
    breadcrumbs: [{ text: "Home", href: "/" }, { text: "Design system" }],
    errorSummary: [
      { text: "Enter your full name", href: "#full-name" },
      { text: "Describe what happened", href: "#incident" },
      { text: "Select how we should contact you", href: "#contact" },
      { text: "Date must include a year", href: "#incident-date-year" },
      { text: "The selected file must be smaller than 10MB", href: "#evidence" },
    ],
    fullWidth: true,
    content,
  });
}

import { describe, expect, it } from "vitest";
import { html } from "../html.ts";
import { filterLayout, pageHeaderActions, timeline } from "./case-work.ts";
import { notificationBanner, panel, warningText } from "./messages.ts";
import { breadcrumbs, serviceNavigation, subNavigation } from "./navigation.ts";
import { pageWindow, pagination } from "./pagination.ts";
import { summaryList } from "./summary-list.ts";
import { table } from "./table.ts";
import { badge, tag } from "./tag.ts";
import { taskList } from "./task-list.ts";

describe("table", () => {
  const head = [
    { text: "Name", sortKey: "name" },
    { text: "Notes" },
    { text: "Amount", numeric: true, sortKey: "amount" },
  ];
  it("marks the sorted column with aria-sort and links it to the opposite direction", () => {
    const out = table({ head, rows: [], sort: { key: "amount", dir: "asc" } }).value;
    expect(out).toContain(
      'aria-sort="ascending"><a class="govuk-link govuk-link--no-visited-state kith-sort-link" href="?sort=amount&amp;dir=desc">Amount',
    );
    expect(out).toContain(
      'aria-sort="none"><a class="govuk-link govuk-link--no-visited-state kith-sort-link" href="?sort=name&amp;dir=asc">Name',
    );
    expect(out).toContain('<th scope="col" class="govuk-table__header">Notes</th>');
  });
  it("uses the caller's href builder so filters survive sorting", () => {
    const out = table({
      head,
      rows: [],
      sort: { key: "name", dir: "desc" },
      sortHref: (key, dir) => `/cases?status=open&sort=${key}&dir=${dir}`,
    }).value;
    expect(out).toContain(
      'aria-sort="descending"><a class="govuk-link govuk-link--no-visited-state kith-sort-link" href="/cases?status=open&amp;sort=name&amp;dir=asc">',
    );
  });
  it("right-aligns numeric columns and escapes cell text", () => {
    const out = table({
      caption: "Grants",
      head,
      rows: [["<b>Jo</b>", html`<em>ok</em>`, 12]],
      firstCellIsHeader: true,
    }).value;
    expect(out).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Grants</caption>');
    expect(out).toContain('<th scope="row" class="govuk-table__header">&lt;b&gt;Jo&lt;/b&gt;</th>');
    expect(out).toContain('<td class="govuk-table__cell"><em>ok</em></td>');
    expect(out).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">12</td>');
    expect(out).toContain("govuk-table__header govuk-table__header--numeric");
  });
});

describe("summaryList", () => {
  it("completes action links for screen readers and lines up rows without actions", () => {
    const out = summaryList([
      { key: "Name", value: "Jo", actions: [{ href: "/name", text: "Change", visuallyHiddenText: "name" }] },
      { key: "Age", value: "40" },
    ]).value;
    expect(out).toContain(
      '<a class="govuk-link" href="/name">Change<span class="govuk-visually-hidden"> name</span></a>',
    );
    expect(out).toContain(
      'class="govuk-summary-list__row govuk-summary-list__row--no-actions"><dt class="govuk-summary-list__key">Age</dt>',
    );
  });
});

describe("tags and badges", () => {
  it("uses the govuk-frontend 6 colour classes, with blue as the default", () => {
    expect(tag("Open").value).toBe('<strong class="govuk-tag">Open</strong>');
    expect(tag("Closed", "grey").value).toBe('<strong class="govuk-tag govuk-tag--grey">Closed</strong>');
    expect(badge("Urgent", { colour: "red" }).value).toBe(
      '<span class="moj-badge moj-badge--red">Urgent</span>',
    );
  });
});

describe("messages", () => {
  it("announces success banners with role alert and labels information banners as regions", () => {
    expect(notificationBanner({ type: "success", content: "Saved" }).value).toContain(
      'role="alert" aria-labelledby="govuk-notification-banner-title"',
    );
    expect(notificationBanner({ content: "Note" }).value).toContain('role="region"');
  });
  it("makes the confirmation panel title the h1", () => {
    expect(panel({ title: "Application complete" }).value).toContain(
      '<h1 class="govuk-panel__title">Application complete</h1>',
    );
  });
  it("gives the warning icon a text fallback", () => {
    expect(warningText("Mind").value).toContain('<span class="govuk-visually-hidden">Warning</span>Mind');
  });
});

describe("navigation", () => {
  it("marks the current breadcrumb and service navigation item", () => {
    expect(breadcrumbs([{ text: "Home", href: "/" }, { text: "Case" }]).value).toContain(
      '<li class="govuk-breadcrumbs__list-item" aria-current="page">Case</li>',
    );
    const nav = serviceNavigation({
      items: [
        { href: "/a", text: "A", current: true },
        { href: "/b", text: "B" },
      ],
    }).value;
    expect(nav).toContain(
      'aria-current="page"><strong class="govuk-service-navigation__active-fallback">A</strong>',
    );
    expect(subNavigation([{ href: "/s", text: "Summary", current: true }]).value).toContain(
      '<a class="moj-sub-navigation__link" aria-current="page" href="/s">',
    );
  });
});

describe("pagination", () => {
  it("shows first, last and neighbours of the current page with gaps", () => {
    expect(pageWindow(5, 12)).toEqual([1, null, 4, 5, 6, null, 12]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });
  it("builds hrefs with the caller's function and marks the current page", () => {
    const out = pagination({
      currentPage: 2,
      totalPages: 3,
      href: (page) => `/cases?page=${page}&q=a`,
    }).value;
    expect(out).toContain('href="/cases?page=1&amp;q=a" rel="prev"');
    expect(out).toContain('href="/cases?page=3&amp;q=a" rel="next"');
    expect(out).toContain('aria-label="Page 2" aria-current="page">2</a>');
  });
  it("renders nothing for a single page", () => {
    expect(pagination({ currentPage: 1, totalPages: 1, href: String }).value).toBe("");
  });
});

describe("task list", () => {
  it("describes each task link by its hint and status", () => {
    const out = taskList([{ title: "Budget", href: "/budget", hint: "Costs", status: "Incomplete" }]).value;
    expect(out).toContain('aria-describedby="task-list-1-hint task-list-1-status"');
  });
});

describe("case work", () => {
  it("renders timeline moments as <time> with an ISO datetime and London time text", () => {
    const out = timeline([
      { title: "Letter sent", by: "Priya", at: "2026-07-01T15:04:00Z", description: "<b>x</b>" },
    ]).value;
    expect(out).toContain('<time datetime="2026-07-01T15:04:00.000Z">1 July 2026 at 4:04pm</time>');
    expect(out).toContain('<p class="moj-timeline__byline">by Priya</p>');
    expect(out).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
  it("makes the filter a plain GET form with a submit button and kept fields", () => {
    const out = filterLayout({
      action: "/cases",
      filters: html`<p>fields</p>`,
      results: html`<p>results</p>`,
      keep: { sort: "ref" },
    }).value;
    expect(out).toContain('<form method="get" action="/cases"');
    expect(out).toContain('<input type="hidden" name="sort" value="ref">');
    expect(out).toContain('<button type="submit" class="govuk-button"');
    expect(out).toContain('<div class="moj-filter-layout__content"><p>results</p></div>');
  });
  it("puts the page heading beside its action buttons", () => {
    const out = pageHeaderActions({
      heading: "Cases",
      actions: [{ text: "Add case", href: "/cases/new" }],
    }).value;
    expect(out).toContain('<h1 class="govuk-heading-xl">Cases</h1>');
    expect(out).toContain('<a href="/cases/new" role="button"');
  });
});

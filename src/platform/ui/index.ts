// The UI library's public surface: import from "platform/ui/index.ts" only.

export * from "./components/button.ts";
export * from "./components/case-work.ts";
export * from "./components/charts/bar-chart.ts";
export * from "./components/charts/chart-parts.ts";
export * from "./components/charts/choropleth.ts";
export * from "./components/charts/decile-scale.ts";
export * from "./components/charts/line-chart.ts";
export * from "./components/charts/progress-bar.ts";
export * from "./components/choices.ts";
export * from "./components/date-input.ts";
export * from "./components/error-summary.ts";
export * from "./components/form-parts.ts";
export * from "./components/live-search.ts";
export * from "./components/messages.ts";
export * from "./components/navigation.ts";
export * from "./components/pagination.ts";
export * from "./components/single-fields.ts";
export * from "./components/summary-list.ts";
export * from "./components/table.ts";
export * from "./components/tag.ts";
export * from "./components/task-list.ts";
export * from "./format.ts";
export { attrs, escapeHtml, type HtmlValue, html, raw, SafeHtml } from "./html.ts";
export * from "./layout.ts";

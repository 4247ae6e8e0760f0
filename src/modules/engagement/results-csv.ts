import { csvText } from "../../platform/exports/csv.ts";
import type { consultationResults } from "./queries/engagement.ts";

// A consultation's results as a CSV for a report or a board paper: one row per answer
// to choose from (with its count), one row per rating level, and the written answers.

type Results = Awaited<ReturnType<typeof consultationResults>>;

export const resultsCsvHeader = [
  "Question number",
  "Question",
  "Kind",
  "Answer",
  "Count",
  "Answered",
  "Average rating",
];

export function consultationResultsCsv({ consultation, responses, results }: Results): string {
  const rows: (string | number)[][] = [];
  results.forEach((question, index) => {
    const average = question.average === null ? "" : Math.round(question.average * 100) / 100;
    const base = [index + 1, question.text, question.kind];
    if (question.kind === "free-text") {
      if (question.comments.length === 0) rows.push([...base, "", "", question.answered, average]);
      for (const comment of question.comments) rows.push([...base, comment, 1, question.answered, average]);
    } else
      for (const count of question.counts)
        rows.push([...base, count.label, count.count, question.answered, average]);
  });
  const lines = [
    [`# ${consultation.title}: ${responses} responses, ${consultation.opensOn} to ${consultation.closesOn}`],
    resultsCsvHeader,
    ...rows,
  ];
  return csvText(lines);
}

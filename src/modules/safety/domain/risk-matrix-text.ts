import type { RiskMatrixDefinition } from "./risk-matrix.ts";

// The risk matrix's questions as plain text, so managers can edit them in one textarea without JavaScript:
//
//   frequency | How often is it happening?
//   - once | Once | 0
//   - daily | Daily or more | 3
//
// A question line is "key | question"; each answer line under it is "- value | answer | weight".

export function questionsToText(questions: RiskMatrixDefinition["questions"]): string {
  return questions
    .map((q) =>
      [`${q.key} | ${q.text}`, ...q.options.map((o) => `- ${o.value} | ${o.text} | ${o.weight}`)].join("\n"),
    )
    .join("\n\n");
}

export type ParsedQuestions =
  | { ok: true; questions: RiskMatrixDefinition["questions"] }
  | { ok: false; error: string };

/** Parses the text; the first problem is reported with its line number. Weights are checked by the matrix schema too. */
export function questionsFromText(text: string): ParsedQuestions {
  const questions: RiskMatrixDefinition["questions"] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    if (!line) continue;
    const where = `Line ${index + 1}`;
    const parts = line
      .replace(/^-\s*/, "")
      .split("|")
      .map((part) => part.trim());
    if (line.startsWith("-")) {
      const question = questions.at(-1);
      if (!question) return { ok: false, error: `${where}: an answer must come under a question` };
      const [value = "", answer = "", weightText = ""] = parts;
      if (parts.length !== 3 || !value || !answer)
        return { ok: false, error: `${where}: write an answer as "- value | answer | weight"` };
      if (!/^\d{1,3}$/.test(weightText) || Number(weightText) > 100)
        return { ok: false, error: `${where}: the weight must be a whole number from 0 to 100` };
      question.options.push({ value, text: answer, weight: Number(weightText) });
    } else {
      const [key = "", questionText = ""] = parts;
      if (parts.length !== 2 || !questionText)
        return { ok: false, error: `${where}: write a question as "key | question"` };
      if (!/^[a-z0-9-]{1,50}$/.test(key))
        return { ok: false, error: `${where}: the key must be lower-case letters, numbers and hyphens` };
      questions.push({ key, text: questionText, options: [] });
    }
  }
  if (questions.length === 0) return { ok: false, error: "Enter at least one question" };
  const short = questions.find((q) => q.options.length < 2);
  if (short) return { ok: false, error: `Question ${short.key} needs at least two answers` };
  return { ok: true, questions };
}

// Splits .pb text into `;`-separated records, remembering the line each starts on so
// errors can point people at it. Fields may be quoted the CSV way ("a;b", with "" for
// a literal quote); pabulib files do this for project names that contain `;`. A
// quoted field may even span lines, so quoted lines take a slower character-by-
// character path; the ~99% of lines with no quote are split directly, which matters
// for files with 50,000+ votes.

export type PbRecord = { readonly line: number; readonly fields: string[] };

export function splitRecords(input: string): PbRecord[] {
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  const records: PbRecord[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;
  // Position of the next quote character at or after i (n when none): found once and
  // reused, so finding quote-free lines stays linear in the file size.
  let nextQuote = -1;
  while (i < n) {
    if (nextQuote < i) {
      nextQuote = text.indexOf('"', i);
      if (nextQuote < 0) nextQuote = n;
    }
    let eol = text.indexOf("\n", i);
    if (eol < 0) eol = n;
    const startLine = line;
    if (nextQuote >= eol) {
      const raw = text.slice(i, eol);
      // Only a line with nothing on it is blank; a quoted "" is a real (empty) value.
      if (raw.trim() !== "") records.push({ line: startLine, fields: raw.split(";") });
      i = eol + 1;
      line++;
    } else {
      const parsed = quotedRecord(text, i);
      records.push({ line: startLine, fields: parsed.fields });
      line += parsed.newlines;
      i = parsed.next;
    }
  }
  return records;
}

function quotedRecord(text: string, start: number): { fields: string[]; newlines: number; next: number } {
  const n = text.length;
  const fields: string[] = [];
  let newlines = 0;
  let field = "";
  let i = start;
  for (;;) {
    if (i < n && text[i] === '"' && field.trim() === "") {
      field = "";
      i++;
      while (i < n) {
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === "\n") newlines++;
        field += ch;
        i++;
      }
    }
    if (i >= n) {
      fields.push(field);
      return { fields, newlines: newlines + 1, next: n };
    }
    const ch = text[i];
    if (ch === ";") {
      fields.push(field);
      field = "";
      i++;
    } else if (ch === "\n") {
      fields.push(field);
      return { fields, newlines: newlines + 1, next: i + 1 };
    } else {
      field += ch;
      i++;
    }
  }
}

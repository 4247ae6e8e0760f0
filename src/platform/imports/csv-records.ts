import { createReadStream } from "node:fs";
import { parse } from "csv-parse/sync";

// Turns a CSV file into COPY input without parsing cells in JavaScript: one pass over the bytes
// finds where each record starts and ends (a quote toggles "inside a cell", as in PostgreSQL's
// own CSV reader), and each record is written out with its file line number as a first cell.
// PostgreSQL then splits the cells at COPY speed, and every row keeps the line it came from,
// even after cells that hold line breaks.

export class CsvFileError extends Error {}

/** The header row lacks a required column. */
export class CsvHeaderError extends CsvFileError {}

const quote = 0x22;
const comma = 0x2c;
const newline = 0x0a;
const carriageReturn = 0x0d;

export type NumberedCsv = {
  /** The header's column names, trimmed and lower case. */
  header: string[];
  /** Whole records as `line,cell,cell…\n`, padded or cut to the header's width. */
  records: AsyncIterable<Buffer>;
  /** How many data records the stream has produced so far. */
  count(): number;
};

/** Reads the header, then streams the numbered records. Blank lines are skipped. */
export async function numberedCsv(file: string, maxRecordLength: number): Promise<NumberedCsv> {
  const chunks = createReadStream(file, { highWaterMark: 256 * 1024 })[Symbol.asyncIterator]();
  const reader = new RecordReader(maxRecordLength);
  let header: Buffer | undefined;
  let done = false;
  while (!header && !done) {
    const next = await chunks.next();
    done = next.done === true;
    header = (done ? reader.end() : reader.push(next.value as Buffer))[0]?.record;
  }
  if (!header) throw new CsvFileError("The file is empty.");
  const names = (parse(header, { bom: true, trim: true, relax_quotes: true })[0] ?? []) as string[];
  const columns = names.map((name) => name.trim().toLowerCase());
  let count = 0;
  const numbered = (records: { line: number; record: Buffer }[]): Buffer => {
    count += records.length;
    return Buffer.concat(records.flatMap(({ line, record }) => fitted(line, record, columns.length)));
  };
  async function* records(): AsyncGenerator<Buffer> {
    // The header's own chunk usually holds the first records too.
    const first = reader.takeHeld();
    if (first.length > 0) yield numbered(first);
    while (!done) {
      const next = await chunks.next();
      done = next.done === true;
      const out = done ? reader.end() : reader.push(next.value as Buffer);
      if (out.length > 0) yield numbered(out);
    }
  }
  return { header: columns, records: records(), count: () => count };
}

/** `line,` + the record's first `width` cells (missing ones empty) + a line break. */
function fitted(line: number, record: Buffer, width: number): Buffer[] {
  let cells = 1;
  let inside = false;
  let end = record.length;
  for (let i = 0; i < record.length; i++) {
    const byte = record[i];
    if (byte === quote) inside = !inside;
    else if (byte === comma && !inside) {
      if (cells === width) {
        end = i;
        break;
      }
      cells++;
    }
  }
  const padding = cells < width ? ",".repeat(width - cells) : "";
  return [Buffer.from(`${line},`), record.subarray(0, end), Buffer.from(`${padding}\n`)];
}

/** Splits bytes into records, remembering the line each starts on. */
class RecordReader {
  private inside = false;
  private line = 1;
  private recordLine = 1;
  private parts: Buffer[] = [];
  private length = 0;
  private held: { line: number; record: Buffer }[] = [];
  private started = false;

  private readonly maxRecordLength: number;

  constructor(maxRecordLength: number) {
    this.maxRecordLength = maxRecordLength;
  }

  push(chunk: Buffer): { line: number; record: Buffer }[] {
    const out: { line: number; record: Buffer }[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === quote) this.inside = !this.inside;
      else if (byte === newline) {
        this.line++;
        if (!this.inside) {
          this.finish(chunk.subarray(start, i), out);
          start = i + 1;
        }
      }
    }
    if (start < chunk.length) {
      this.parts.push(chunk.subarray(start));
      this.length += chunk.length - start;
      this.checkLength();
    }
    return this.split(out);
  }

  end(): { line: number; record: Buffer }[] {
    if (this.inside)
      throw new CsvFileError(
        `The file is not valid CSV: the quoted cell that starts on line ${this.recordLine} is never closed.`,
      );
    const out: { line: number; record: Buffer }[] = [];
    if (this.length > 0) this.finish(Buffer.alloc(0), out);
    return this.split(out);
  }

  takeHeld(): { line: number; record: Buffer }[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  // The first call returns only the header; records after it in the same chunk are held back.
  private split(out: { line: number; record: Buffer }[]) {
    if (this.started || out.length === 0) return out;
    this.started = true;
    this.held = out.slice(1);
    return out.slice(0, 1);
  }

  private finish(tail: Buffer, out: { line: number; record: Buffer }[]) {
    this.length += tail.length;
    this.checkLength();
    let record = this.parts.length > 0 ? Buffer.concat([...this.parts, tail]) : tail;
    if (record.length > 0 && record[record.length - 1] === carriageReturn)
      record = record.subarray(0, record.length - 1);
    const line = this.recordLine;
    this.parts = [];
    this.length = 0;
    this.recordLine = this.line;
    if (record.length > 0) out.push({ line, record });
  }

  private checkLength() {
    if (this.length > this.maxRecordLength)
      throw new CsvFileError(
        `Line ${this.recordLine} is longer than ${Math.round(this.maxRecordLength / 1024)} KB, the most a row may hold. Check the file is a CSV with one row per line.`,
      );
  }
}

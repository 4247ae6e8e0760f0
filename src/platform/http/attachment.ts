import type { Context } from "hono";

// Reports and exports leave a page as files the browser saves rather than shows. Each route used to
// spell out the same two headers; this keeps the header names, the charsets and the quoting in one
// place, and lets the file's name say its type (issue 17). Stored uploads, whose type was checked
// when they arrived, go through platform/uploads/download.ts instead.

const typesByExtension: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Answers 200 with `body` as a download named `fileName`. The type follows the name's extension
 * unless `contentType` is given (a format of Kith's own, such as `.pb`). Quotes are dropped from
 * the name so the header stays well formed.
 */
export function attachment(
  c: Context,
  fileName: string,
  body: string | Uint8Array<ArrayBuffer>,
  contentType?: string,
): Response {
  const type = contentType ?? typesByExtension[fileName.slice(fileName.lastIndexOf(".") + 1)];
  if (!type) throw new Error(`No download type for ${fileName}: pass one`);
  return c.body(body, 200, {
    "content-type": type,
    "content-disposition": `attachment; filename="${fileName.replace(/"/g, "")}"`,
  });
}

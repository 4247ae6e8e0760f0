import type { Context } from "hono";

/** A stored upload sent back as a download: never shown inline, and the browser may not guess its type. */
export function storedFileDownload(
  c: Context,
  file: { content: Uint8Array; contentType: string; fileName: string },
): Response {
  return c.body(new Uint8Array(file.content), 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.fileName.replace(/"/g, "")}"`,
    "x-content-type-options": "nosniff",
  });
}

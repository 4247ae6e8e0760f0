export type TestTemplate =
  | { kind: "pglite"; file: string }
  | { kind: "postgres"; serverUrl: string; name: string };

declare module "vitest" {
  export interface ProvidedContext {
    kithTemplate: TestTemplate;
  }
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

export const storeRecordSchema = z.object({
  ts: z.string(),
  kind: z.enum(["miss", "feedback"]),
  channel: z.enum(["teams", "slack", "web", "cli"]),
  text: z.string(),
  topic: z.string().optional(),
  confidence: z.number().optional(),
  helpful: z.boolean().optional(),
});

export type StoreRecord = z.infer<typeof storeRecordSchema>;
/** All well-formed records; a line torn by a kill mid-write is skipped. A missing file reads as empty. */
export function readRecords(path: string): StoreRecord[] {
  if (!existsSync(path)) return [];
  const records: StoreRecord[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const parsed = parseLine(line);
    if (parsed) records.push(parsed);
  }
  return records;
}

function parseLine(line: string): StoreRecord | undefined {
  try {
    const result = storeRecordSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** A record read back from elsewhere (the shared stream): well-formed or nothing. */
export function parseRecord(value: unknown): StoreRecord | undefined {
  const result = storeRecordSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

// `ask --dialog` (docs/spec/conversation.md): JSON lines {conversation, text} in, one resolution a line out.
import { createInterface } from "node:readline";
import { toDialogJson } from "./contract-json.js";
import type { Core } from "./core.js";
import { createDialogResolver } from "./engine/conversation/dialog-resolver.js";

const MAX_LINE_CHARS = 100_000;

function parseTurn(line: string): { conversation: string; text: string } | string {
  if (line.length > MAX_LINE_CHARS) return "行が長すぎます";
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "JSON として読めません";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "JSON オブジェクトではありません";
  const { conversation, text } = value as Record<string, unknown>;
  const id = typeof conversation === "string" || typeof conversation === "number" ? String(conversation) : undefined;
  if (id === undefined || id.length === 0) return "conversation がありません";
  if (typeof text !== "string") return "text がありません";
  return { conversation: id, text };
}

/** Every input line gets exactly one output line, in order; a bad line gets `none` and an `error`. */
export async function runDialog(core: Core, now: Date | undefined, write: (s: string) => void): Promise<number> {
  const resolver = createDialogResolver(core, now ? { now: () => now } : {});
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    const turn = parseTurn(line);
    if (typeof turn === "string") {
      write(JSON.stringify({ id: "none", confidence: 0, alternatives: [], error: turn }));
      continue;
    }
    write(toDialogJson(resolver.resolve(turn.conversation, turn.text)));
  }
  return 0;
}

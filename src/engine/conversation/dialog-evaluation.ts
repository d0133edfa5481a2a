import { readFileSync } from "node:fs";
import { z } from "zod";
import { topicIdSchema } from "../../knowledge/schema.js";
import { ACTS, type TurnResolution } from "./conversation-state.js";

export const dialogTurnSchema = z.object({
  conversation: z.string().min(1),
  text: z.string(),
  id: topicIdSchema,
  accept: z.array(topicIdSchema).optional(),
  variant: z.string().optional(),
  act: z.enum(ACTS).optional(),
  kind: z.string().min(1),
  note: z.string().optional(),
});
export type DialogCase = z.infer<typeof dialogTurnSchema>;

export function readDialogSet(path: string): DialogCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = dialogTurnSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Resolves one turn of one conversation; it sees only that conversation's earlier turns. */
export type TurnResolver = (conversation: string, text: string) => TurnResolution | Promise<TurnResolution>;

interface Tally {
  correct: number;
  total: number;
}

export interface DialogMiss {
  readonly c: DialogCase;
  readonly got: TurnResolution;
}

export interface DialogReport {
  readonly overall: Tally;
  /** Turns that only make sense after earlier ones: kinds followup-* and oos-followup. */
  readonly followups: Tally;
  readonly byKind: ReadonlyMap<string, Tally>;
  readonly misses: readonly DialogMiss[];
}

export const isFollowupKind = (kind: string) => kind.startsWith("followup") || kind === "oos-followup";

/** Right topic (or an accepted one), the labelled variant when there is one, and the labelled act (or none). */
export function isTurnCorrect(c: DialogCase, got: TurnResolution): boolean {
  const topic = got.id === c.id || (c.accept ?? []).includes(got.id);
  const variant = c.variant === undefined || got.variant === c.variant;
  return topic && variant && got.act === c.act;
}

export async function evaluateDialogs(resolve: TurnResolver, cases: readonly DialogCase[]): Promise<DialogReport> {
  const overall: Tally = { correct: 0, total: 0 };
  const followups: Tally = { correct: 0, total: 0 };
  const byKind = new Map<string, Tally>();
  const misses: DialogMiss[] = [];
  for (const c of cases) {
    const got = await resolve(c.conversation, c.text);
    const ok = isTurnCorrect(c, got);
    for (const t of [overall, ...(isFollowupKind(c.kind) ? [followups] : [])]) {
      t.total++;
      if (ok) t.correct++;
    }
    const k = byKind.get(c.kind) ?? { correct: 0, total: 0 };
    k.total++;
    if (ok) k.correct++;
    byKind.set(c.kind, k);
    if (!ok) misses.push({ c, got });
  }
  return { overall, followups, byKind, misses };
}

export const ratio = (t: Tally) => (t.total === 0 ? 0 : t.correct / t.total);
const pct = (t: Tally) => `${(100 * ratio(t)).toFixed(1).padStart(5)}% (${t.correct}/${t.total})`;

export function formatDialogReport(name: string, r: DialogReport, showMisses: boolean): string {
  const lines = [
    `== dialogs ${name}: turns ${pct(r.overall)}  follow-ups ${pct(r.followups)}`,
    ...[...r.byKind].sort().map(([k, t]) => `     ${k.padEnd(18)} ${pct(t)}`),
  ];
  if (showMisses) {
    for (const m of r.misses) {
      const want = `${m.c.id}${m.c.variant ? `/${m.c.variant}` : ""}${m.c.act ? ` act=${m.c.act}` : ""}`;
      const got = `${m.got.id}${m.got.variant ? `/${m.got.variant}` : ""}${m.got.act ? ` act=${m.got.act}` : ""}`;
      lines.push(`     [${m.c.conversation} ${m.c.kind}] want ${want} got ${got} (${m.got.confidence}) ${m.c.text}`);
    }
  }
  return lines.join("\n");
}

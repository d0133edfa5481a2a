import { normalizedWord } from "../prepare-text.js";
import { ACT_CUES, ACT_FILLER, LEADING_FILLER } from "./act-cues.js";
import { ACTS, type Act } from "./conversation-state.js";

export interface DetectedAct {
  readonly act: Act;
  /** What follows the act word (「違う、カードを忘れた方」 → 「カードを忘れた方」), trimmed. */
  readonly rest: string;
  /** Nothing but the act (and politeness) was said. */
  readonly bare: boolean;
}

const HELP_MAX_CHARS = 24;

const cues: { act: Act; cue: string }[] = ACTS.flatMap((act) =>
  ACT_CUES[act].map((w) => ({ act, cue: normalizedWord(w) })),
)
  .filter((c) => c.cue.length > 0)
  .sort((a, b) => b.cue.length - a.cue.length);

const isAscii = (s: string) => /^[a-z .']+$/.test(s);

/** The act a message opens with (on NFKC lower-cased text), if any. */
export function detectAct(norm: string): DetectedAct | undefined {
  const text = norm.replace(LEADING_FILLER, "").trim();
  if (text.length <= HELP_MAX_CHARS) {
    const help = cues.find((c) => c.act === "help" && text.includes(c.cue));
    if (help) return { act: "help", rest: "", bare: true };
  }
  for (const { act, cue } of cues) {
    if (act === "help" || !text.startsWith(cue)) continue;
    const after = text.slice(cue.length);
    // 「hi」 must not take the start of 「hints」, nor 「ok」 of 「okinawa」.
    if (isAscii(cue) && /^[a-z]/.test(after)) continue;
    const rest = after.replace(/^[\s、。,.!！~〜ー…]+/u, "").trim();
    const bare = ACT_FILLER.test(rest);
    // A short word must stand on its own: 「はいってない」 is not 「はい」, 「違う人」 is not a rejection.
    if (cue.length <= 3 && !bare && rest === after) continue;
    return { act, rest, bare };
  }
  return undefined;
}

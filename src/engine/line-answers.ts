import type { KnowledgeBase, PhoneLine, Topic } from "../knowledge/schema.js";
import type { LineStatus } from "./answer-model.js";
import { lineStatus, nextOpeningAfter } from "./line-status.js";
import { clockOfIso, timeMsg } from "./messages.js";
import { normalizeCue } from "./prepare-text.js";

// 今回・今後・今度・今日・今朝・今月・今年・今週 are not about the clock.
const TIME_QUESTION =
  /今(?![回後度日朝月年週])|いま(?:つなが|やって|電話|でんわ|開いて|あいて|空いて)|何時|なんじ|何曜|やってる|やってます|やってい|つなが|繋が|営業|受付時間|開いて|空いて|土曜|日曜|祝日|休日|年末|年始|正月|お盆|盆休み|夏休み|夏期|夏季|\bopen\b|\bhours\b|\bnow\b/u;

/** The question is about a line's hours or whether it answers now. */
export function isTimeQuestion(norm: string): boolean {
  return TIME_QUESTION.test(norm);
}

function namesOf(line: PhoneLine): string[] {
  return [line.name, line.shortName, ...line.aliases].map(normalizeCue).filter((n) => n.length > 0);
}

/** Lines the text names (by name, short name or alias), in the order they first appear. */
export function namedLines(kb: KnowledgeBase, norm: string): PhoneLine[] {
  const found: { line: PhoneLine; at: number }[] = [];
  for (const line of kb.phoneLines.values()) {
    const positions = namesOf(line)
      .map((n) => norm.indexOf(n))
      .filter((i) => i >= 0);
    if (positions.length > 0) found.push({ line, at: Math.min(...positions) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.line);
}

/** The topic's lines, plus lines the text names, each with its status at `now`. */
export function buildLines(kb: KnowledgeBase, topic: Topic, named: readonly PhoneLine[], now: Date): LineStatus[] {
  const ids = [...topic.phoneLines];
  for (const line of named) if (!ids.includes(line.id)) ids.push(line.id);
  return ids.flatMap((id) => {
    const line = kb.phoneLines.get(id);
    return line ? [lineStatus(line, now)] : [];
  });
}

const SEASONS: readonly { readonly kind: "year-end" | "summer"; readonly words: RegExp; readonly label: string }[] = [
  { kind: "year-end", words: /年末|年始|正月|大晦日|おおみそか|年明け|年越し/u, label: "年末年始" },
  { kind: "summer", words: /お盆|盆休み|夏休み|夏期休暇|夏季休暇|夏期|夏季/u, label: "夏期休暇" },
];

/** 「年末もやってますか」: what the guide says about that period for the line, never a status for today. */
function seasonSentence(line: PhoneLine, norm: string): string | undefined {
  const season = SEASONS.find((s) => s.words.test(norm));
  if (!season) return undefined;
  if (line.allDay) return timeMsg.allDay(line.shortName);
  const closure = line.closures.find((c) => c.kind === season.kind);
  if (closure?.guide === "dated") return timeMsg.seasonDated(line.shortName, closure.label, line.hoursText);
  if (closure?.guide === "undated") return timeMsg.seasonUndated(line.shortName, closure.label, line.hoursText);
  return timeMsg.seasonSilent(line.shortName, closure?.label ?? season.label, line.hoursText);
}

/** 「コールセンターは14:05 時点で受付時間外です（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。」 */
export function statusSentence(kb: KnowledgeBase, status: LineStatus, now: Date): string {
  const line = kb.phoneLines.get(status.id);
  if (line?.allDay) return timeMsg.allDay(status.shortName);
  if (status.state === "open") return timeMsg.open(status.shortName, status.asOf, clockOfIso(status.closesAt));
  if (status.state === "uncertain") return timeMsg.uncertain(status.shortName, status.asOf, status.statusText);
  const next = line ? nextOpeningAfter(line, now).text : "";
  return timeMsg.closed(status.shortName, status.asOf, status.reason, next);
}

/** The sentence for the line the question is about (the one it names, else the answer's first): its season or its status. */
export function timeSummary(
  kb: KnowledgeBase,
  lines: readonly LineStatus[],
  named: readonly PhoneLine[],
  now: Date,
  norm: string,
): string | undefined {
  const target = lines.find((l) => named.some((n) => n.id === l.id)) ?? lines[0];
  if (!target) return undefined;
  const line = kb.phoneLines.get(target.id);
  const season = line ? seasonSentence(line, norm) : undefined;
  return season ?? statusSentence(kb, target, now);
}

import type { Answer, LineState, LineStatus } from "../../engine/answer-model.js";
import { type Block, heading, sections } from "./block-parts.js";
import { blockMsg } from "./messages.js";
import { escapeMrkdwn as esc, mrkdwnLink } from "./slack-text.js";

const STATE_ICON: Readonly<Record<LineState, string>> = { open: "🟢", closed: "🔴", uncertain: "🟡" };

/** One phone line: name, number as text, hours, whether it answers now. */
export function lineRows(line: LineStatus): string[] {
  return [
    `${STATE_ICON[line.state]} *${esc(line.name)}*`,
    `📞 ${esc(line.phone)}${line.tollFree ? blockMsg.tollFree : ""}`,
    esc(blockMsg.hours(line.hoursText)),
    `*${esc(blockMsg.statusNow(line.statusText, line.asOf))}*`,
    ...line.caveats.map((c) => `※ ${esc(c)}`),
    ...(line.tellFirst.length > 0 ? [esc(blockMsg.tellFirst(line.tellFirst))] : []),
  ];
}

export function linesBlocks(lines: readonly LineStatus[]): Block[] {
  if (lines.length === 0) return [];
  return sections([
    heading(blockMsg.lines),
    ...lines.flatMap((line, i) => [...(i > 0 ? [""] : []), ...lineRows(line)]),
  ]);
}

export function partiesBlocks(answer: Answer): Block[] {
  if (answer.parties.length === 0) return [];
  return sections([
    heading(blockMsg.parties),
    ...answer.parties.map((p) => `• *${esc(p.name)}*：${esc(p.description)}`),
  ]);
}

export function linksBlocks(answer: Answer): Block[] {
  if (answer.links.length === 0) return [];
  return sections([
    heading(blockMsg.links),
    ...answer.links.flatMap((l) => [`• ${mrkdwnLink(l.url, l.title)}`, ...(l.note ? [`　${esc(l.note)}`] : [])]),
  ]);
}

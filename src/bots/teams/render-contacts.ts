import type { Answer, LineState, LineStatus } from "../../engine/answer-model.js";
import {
  actionSets,
  buttonRows,
  type CardElement,
  container,
  openUrl,
  section,
  type TextColor,
  text,
} from "./card-elements.js";
import { cardMsg } from "./messages.js";

const STATE_COLOR: Readonly<Record<LineState, TextColor>> = {
  open: "good",
  closed: "attention",
  uncertain: "warning",
};

/** One phone line: name, number as a tel: button, hours, whether it answers now. */
function lineBlock(line: LineStatus, first: boolean): CardElement {
  return container(
    [
      text(`${line.name}${line.tollFree ? cardMsg.tollFree : ""}`, { weight: "bolder" }),
      text(line.phone, { size: "medium", spacing: "none" }),
      text(line.hoursText, { isSubtle: true, spacing: "none" }),
      text(cardMsg.statusNow(line.statusText, line.asOf), {
        color: STATE_COLOR[line.state],
        weight: "bolder",
        spacing: "small",
      }),
      ...line.caveats.map((c) => text(`※ ${c}`, { isSubtle: true, size: "small", spacing: "none" })),
      ...(line.tellFirst.length > 0 ? [text(cardMsg.tellFirst(line.tellFirst), { size: "small" })] : []),
      ...actionSets([openUrl(cardMsg.call(line.phone), line.tel)]),
    ],
    { separator: !first, spacing: "medium" },
  );
}

export function linesSection(answer: Answer): CardElement[] {
  return section(
    cardMsg.lines,
    answer.lines.map((line, i) => lineBlock(line, i === 0)),
  );
}

export function partiesSection(answer: Answer): CardElement[] {
  return section(
    cardMsg.parties,
    answer.parties.map((p) => text(`・**${p.name}**：${p.description}`)),
  );
}

export function linksSection(answer: Answer): CardElement[] {
  const notes = answer.links.flatMap((l) =>
    l.note ? [text(`・${l.title}：${l.note}`, { size: "small", isSubtle: true })] : [],
  );
  return section(cardMsg.links, [...buttonRows(answer.links.map((l) => openUrl(l.title, l.url))), ...notes]);
}

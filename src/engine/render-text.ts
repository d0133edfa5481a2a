import type { Step } from "../knowledge/schema.js";
import type { Answer, LineStatus } from "./answer-model.js";
import { knownDifferenceLines, textMsg } from "./messages.js";

type Block = readonly string[];

function stepLines(steps: readonly Step[]): string[] {
  return steps.flatMap((step, i) => [
    `${i + 1}. ${step.text}`,
    ...step.substeps.map((s) => `   ・${s}`),
    ...step.notes.map((n) => `   ※ ${n}`),
  ]);
}

function lineBlock(line: LineStatus): string[] {
  return [
    `${line.name}　${line.phone}${line.tollFree ? textMsg.tollFree : ""}`,
    `   ${line.hoursText}`,
    `   ${textMsg.statusNow(line.statusText, line.asOf)}`,
    ...line.caveats.map((c) => `   ※ ${c}`),
    ...(line.tellFirst.length > 0 ? [`   ${textMsg.tellFirst(line.tellFirst)}`] : []),
  ];
}

function section(heading: string, body: readonly string[]): Block {
  return body.length > 0 ? [heading, ...body] : [];
}

function variantBlock(answer: Answer): Block {
  const row = answer.variantRow;
  if (!row) return [];
  return [
    textMsg.variant,
    row.label,
    `   ${textMsg.variantScreens}：${row.screenMessages.map((m) => `「${m}」`).join(" ")}`,
    ...(row.result !== undefined && row.result !== row.label ? [`   ${textMsg.variantResult}：${row.result}`] : []),
    ...(row.state !== undefined ? [`   ${textMsg.variantState}：${row.state}`] : []),
  ];
}

/** The Answer as plain, readable Japanese text for the CLI. */
export function renderAnswerText(answer: Answer): string {
  const context = answer.context;
  const blocks: Block[] = [
    context ? [context.about, ...(context.stepNote ? [context.stepNote] : [])] : [],
    [`【${answer.section}】${answer.title}`, textMsg.sectionTitle(answer.sectionTitle)],
    [answer.summary],
    section(
      textMsg.warnings,
      answer.warnings.map((w) => `・${w}`),
    ),
    answer.clarify
      ? [textMsg.clarify, answer.clarify.question, ...answer.clarify.choices.map((c, i) => `   ${i + 1}. ${c.label}`)]
      : [],
    answer.check ? [textMsg.check, answer.check.text] : [],
    answer.fact !== undefined ? [textMsg.fact(answer.fact)] : [],
    variantBlock(answer),
    section(textMsg.steps, stepLines(answer.steps)),
    ...answer.crossRefs.map((ref) => [textMsg.crossRef(ref.section, ref.title), ref.text, ...stepLines(ref.steps)]),
    section(
      textMsg.notes,
      answer.notes.map((n) => `・${n}`),
    ),
    answer.knownDifferences ? [textMsg.knownDifferences, ...knownDifferenceLines(answer.knownDifferences)] : [],
    section(textMsg.lines, answer.lines.flatMap(lineBlock)),
    section(
      textMsg.parties,
      answer.parties.map((p) => `・${p.name}：${p.description}`),
    ),
    section(
      textMsg.links,
      answer.links.flatMap((l) => [`・${l.title}`, `   ${l.url}`, ...(l.note ? [`   ${l.note}`] : [])]),
    ),
    section(
      textMsg.related,
      answer.related.map((r) => `・${r.section} ${r.title}`),
    ),
    section(
      textMsg.alternatives,
      answer.alternatives.map((r) => `・${r.section} ${r.title}`),
    ),
    [textMsg.readAloud, answer.readAloud],
    [textMsg.source(answer.source.guide, answer.source.section, answer.source.pages)],
  ];
  return blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join("\n"))
    .join("\n\n");
}

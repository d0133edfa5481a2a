import type { Attachment } from "botbuilder";
import type { Answer, TopicRef } from "../../engine/answer-model.js";
import { knownDifferenceLines, textMsg } from "../../engine/messages.js";
import { renderAnswerText } from "../../engine/render-text.js";
import type { Step } from "../../knowledge/schema.js";
import { feedbackButton, topicButton } from "./card-actions.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  actionSets,
  buttonRows,
  type CardElement,
  card,
  container,
  numbered,
  section,
  subCard,
  text,
} from "./card-elements.js";
import { cardMsg } from "./messages.js";
import { linesSection, linksSection, partiesSection } from "./render-contacts.js";

/** 「1-② 「無効」…」; the out-of-guide answer has no section number. */
export function answerTitle(answer: Pick<Answer, "section" | "title">): string {
  return answer.section === "—" ? answer.title : `${answer.section} ${answer.title}`;
}

function header(answer: Answer): CardElement[] {
  const about = answer.context
    ? [
        text([answer.context.about, answer.context.stepNote].filter(Boolean).join(" "), {
          isSubtle: true,
          size: "small",
        }),
      ]
    : [];
  return [
    ...about,
    container(
      [
        text(answerTitle(answer), { style: "heading", size: "large", weight: "bolder" }),
        text(answer.sectionTitle, { isSubtle: true, spacing: "none" }),
      ],
      { style: "emphasis", bleed: true },
    ),
    text(answer.summary, { spacing: "medium" }),
  ];
}

function warnings(answer: Answer): CardElement[] {
  if (answer.warnings.length === 0) return [];
  return [
    container(
      [
        text(`⚠ ${cardMsg.warnings}`, { weight: "bolder", color: "attention" }),
        ...answer.warnings.map((w) => text(w, { color: "attention", spacing: "small" })),
      ],
      { style: "attention", spacing: "medium" },
    ),
  ];
}

function clarify(answer: Answer): CardElement[] {
  const c = answer.clarify;
  if (!c) return [];
  return [
    container(
      [
        text(cardMsg.clarify, { weight: "bolder" }),
        text(c.question),
        ...buttonRows(c.choices.map((choice) => topicButton(choice.label, choice))),
      ],
      { style: "accent", spacing: "medium" },
    ),
  ];
}

function stepRows(steps: readonly Step[]): CardElement[] {
  return steps.map((step, i) =>
    numbered(`${i + 1}.`, [
      text(step.text),
      ...step.substeps.map((s) => text(`・${s}`, { spacing: "small" })),
      ...step.notes.map((n) => text(`※ ${n}`, { isSubtle: true, size: "small", spacing: "small" })),
    ]),
  );
}

function facts(answer: Answer): CardElement[] {
  const out: CardElement[] = [];
  if (answer.check) out.push(...section(cardMsg.check, [text(answer.check.text, { weight: "bolder" })]));
  if (answer.fact !== undefined) out.push(text(`${cardMsg.fact}：${answer.fact}`, { isSubtle: true }));
  const row = answer.variantRow;
  if (row) {
    const rows = [
      { title: cardMsg.variantScreens, value: row.screenMessages.map((m) => `「${m}」`).join(" ") },
      ...(row.result !== undefined ? [{ title: cardMsg.variantResult, value: row.result }] : []),
      ...(row.state !== undefined ? [{ title: cardMsg.variantState, value: row.state }] : []),
    ];
    out.push(...section(cardMsg.variant, [text(row.label, { weight: "bolder" }), { type: "FactSet", facts: rows }]));
  }
  return out;
}

function procedure(answer: Answer): CardElement[] {
  return [
    ...section(cardMsg.steps, stepRows(answer.steps)),
    ...answer.crossRefs.flatMap((ref) =>
      section(cardMsg.crossRef(ref.section, ref.title), [text(ref.text), ...stepRows(ref.steps)]),
    ),
    ...section(
      cardMsg.notes,
      answer.notes.map((n) => text(`・${n}`, { spacing: "small" })),
    ),
    ...(answer.knownDifferences
      ? section(
          cardMsg.knownDifferences,
          knownDifferenceLines(answer.knownDifferences).map((l) => text(l, { spacing: "small" })),
        )
      : []),
  ];
}

function topicButtons(title: string, refs: readonly TopicRef[]): CardElement[] {
  return section(title, buttonRows(refs.map((r) => topicButton(answerTitle(r), { topic: r.topic }))));
}

function footer(answer: Answer): CardElement[] {
  const { guide, section: sourceSection, pages } = answer.source;
  return [
    text(textMsg.source(guide, sourceSection, pages), { size: "small", isSubtle: true, separator: true }),
    text(cardMsg.feedbackQuestion, { size: "small" }),
    ...actionSets([
      feedbackButton(cardMsg.helpful, answer.topic, true),
      feedbackButton(cardMsg.notHelpful, answer.topic, false),
    ]),
  ];
}

/** The whole Answer as one Adaptive Card 1.5; `fallbackText` carries the plain-text rendering. */
export function renderAnswerCard(answer: Answer): AdaptiveCard {
  const body: CardElement[] = [
    ...header(answer),
    ...warnings(answer),
    ...clarify(answer),
    ...facts(answer),
    ...procedure(answer),
    ...linesSection(answer),
    ...partiesSection(answer),
    ...linksSection(answer),
    ...topicButtons(cardMsg.related, answer.related),
    ...topicButtons(cardMsg.alternatives, answer.alternatives),
    ...footer(answer),
  ];
  const readAloud = {
    type: "Action.ShowCard" as const,
    title: cardMsg.showReadAloud,
    card: subCard([text(cardMsg.readAloud, { weight: "bolder" }), text(answer.readAloud)]),
  };
  return card(body, [readAloud], renderAnswerText(answer));
}

export function cardAttachment(content: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** The reply: the card, and a one-line summary for notifications and hosts without cards. */
export function answerMessage(answer: Answer) {
  return {
    type: "message" as const,
    summary: answerTitle(answer),
    attachments: [cardAttachment(renderAnswerCard(answer))],
  };
}

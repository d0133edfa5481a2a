import type { TopicRef } from "../../engine/answer-model.js";
import type { KnowledgeBase, TopicId } from "../../knowledge/schema.js";
import { askButton, helpButton, topicButton } from "./card-actions.js";
import { type AdaptiveCard, buttonRows, type CardElement, card, container, section, text } from "./card-elements.js";
import { EXAMPLE_QUESTIONS, helpMsg, welcomeMsg } from "./messages.js";
import { answerTitle } from "./render-card.js";

/** What staff ask most (topic YAML `common: true`): the help card and an empty search in the message extension. */
export function commonTopics(kb: KnowledgeBase): TopicId[] {
  return [...kb.topics.values()].filter((t) => t.common).map((t) => t.id);
}

export function commonTopicRefs(kb: KnowledgeBase): TopicRef[] {
  return [...kb.topics.values()]
    .filter((t) => t.common)
    .map((t) => ({ topic: t.id, title: t.title, section: t.section }));
}

function title(value: string): CardElement {
  return container([text(value, { style: "heading", size: "large", weight: "bolder" })], {
    style: "emphasis",
    bleed: true,
  });
}

function examples(): CardElement[] {
  return section(welcomeMsg.examples, buttonRows(EXAMPLE_QUESTIONS.map((q) => askButton(q))));
}

/** Sent when the bot is added: what it does, a privacy note, three example questions as buttons. */
export function renderWelcomeCard(): AdaptiveCard {
  const body: CardElement[] = [
    title(welcomeMsg.title),
    text(welcomeMsg.intro),
    ...welcomeMsg.can.map((line) => text(`・${line}`, { spacing: "small" })),
    container([text(welcomeMsg.privacy, { color: "attention", size: "small" })], {
      style: "attention",
      spacing: "medium",
    }),
    ...examples(),
  ];
  const fallback = [welcomeMsg.title, welcomeMsg.intro, ...welcomeMsg.can, welcomeMsg.privacy, ...EXAMPLE_QUESTIONS];
  return card(body, [helpButton(welcomeMsg.helpButton)], fallback.join("\n"));
}

/** The `help` / `ヘルプ` answer: how to ask, the common topics and the examples as buttons. */
export function renderHelpCard(kb: KnowledgeBase): AdaptiveCard {
  const common = commonTopicRefs(kb);
  const body: CardElement[] = [
    title(helpMsg.title),
    ...helpMsg.lines.map((line) => text(`・${line}`, { spacing: "small" })),
    ...section(helpMsg.commonTopics, buttonRows(common.map((r) => topicButton(answerTitle(r), { topic: r.topic })))),
    ...examples(),
  ];
  const fallback = [helpMsg.title, ...helpMsg.lines, ...common.map((r) => answerTitle(r))];
  return card(body, [], fallback.join("\n"));
}

import type { types } from "@slack/bolt";
import type { LineStatus } from "../../engine/answer-model.js";
import type { Topic } from "../../knowledge/schema.js";
import { ACTION, topicValueOf } from "./action-values.js";
import {
  actionIds,
  actions,
  type Block,
  button,
  context,
  divider,
  header,
  heading,
  LIMITS,
  sections,
} from "./block-parts.js";
import { homeMsg } from "./messages.js";
import { lineRows } from "./render-contacts.js";
import { escapeMrkdwn as esc } from "./slack-text.js";

export interface HomeInput {
  readonly topics: Iterable<Topic>;
  /** Every phone line with its status at `at`. */
  readonly lines: readonly LineStatus[];
  /** 「11月24日（火）18:47」 */
  readonly at: string;
  /** The guide's identity (title, edition), as every answer cites it. */
  readonly citation: string;
}

function topicGroups(topics: Iterable<Topic>): Map<string, Topic[]> {
  const groups = new Map<string, Topic[]>();
  for (const topic of topics) {
    if (topic.id === "none") continue;
    const key = topic.id.slice(0, 1);
    groups.set(key, [...(groups.get(key) ?? []), topic]);
  }
  return groups;
}

/** The App Home tab: how to ask, the common topics as buttons, every phone line and whether it answers now. */
export function renderHome(input: HomeInput): types.HomeView {
  const id = actionIds();
  const blocks: Block[] = [
    header(homeMsg.title),
    ...sections([esc(homeMsg.intro), ...homeMsg.howTo.map((h) => `• ${esc(h)}`)]),
    context(`⚠️ ${esc(homeMsg.privacy)}`),
    divider(),
    ...sections([heading(homeMsg.topics)]),
  ];
  for (const [key, topics] of topicGroups(input.topics)) {
    const label = homeMsg.groups[key];
    if (label) blocks.push(context(esc(label)));
    blocks.push(
      ...actions(topics.map((t) => button(`${t.section} ${t.title}`, id(ACTION.topic), topicValueOf({ topic: t.id })))),
    );
  }
  blocks.push(divider(), ...sections([heading(homeMsg.lines(input.at))]));
  for (const line of input.lines) blocks.push(...sections(lineRows(line)));
  blocks.push(context(esc(homeMsg.source(input.citation))));
  return { type: "home", blocks: blocks.slice(0, LIMITS.blocksPerView) };
}

import type { Answer, TopicRef } from "../../engine/answer-model.js";
import { knownDifferenceLines, textMsg } from "../../engine/messages.js";
import { renderAnswerText } from "../../engine/render-text.js";
import type { Step } from "../../knowledge/schema.js";
import { stripInvisible } from "../../nlp/normalize.js";
import { ACTION, feedbackValueOf, shareValueOf, topicValueOf } from "./action-values.js";
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
import { blockMsg } from "./messages.js";
import { linesBlocks, linksBlocks, partiesBlocks } from "./render-contacts.js";
import { clip, clipEscaped, defuseMentions, escapeMrkdwn as esc } from "./slack-text.js";

export interface SlackMessage {
  /** The fallback for notifications and screen readers: the whole answer as escaped text. */
  readonly text: string;
  readonly blocks: Block[];
}

export interface RenderOptions {
  /** The masked question (never the raw one), quoted back above the did-you-mean buttons. */
  readonly question?: string;
  /** Adds 「チャンネルに共有」 (the ephemeral answer of the slash command). */
  readonly shareable?: boolean;
  /** Adds 「スレッドに共有」, sharing into the thread of this ts (the ephemeral answer of 「ガイドで調べる」). */
  readonly shareInThread?: string;
  /** Escaped mrkdwn shown first (e.g. who shared the answer). */
  readonly preface?: string;
}

/** Slack truncates `text` at 40,000 characters; keep clear of it. */
const MAX_FALLBACK = 38_000;
const QUOTE_MAX = 200;

type NextId = (prefix: string) => string;

/** 「1-② 「無効」…」; the out-of-guide answer has no section number. */
export function answerTitle(answer: Pick<Answer, "section" | "title">): string {
  return answer.section === "—" ? answer.title : `【${answer.section}】${answer.title}`;
}

function stepRows(steps: readonly Step[]): string[] {
  return steps.flatMap((step, i) => [
    `${i + 1}. ${esc(step.text)}`,
    ...step.substeps.map((s) => `　• ${esc(s)}`),
    ...step.notes.map((n) => `　※ ${esc(n)}`),
  ]);
}

function clarifyBlocks(answer: Answer, id: NextId): Block[] {
  const c = answer.clarify;
  if (!c) return [];
  return [
    ...sections([`❓ ${heading(blockMsg.clarify)}`, esc(c.question)]),
    ...actions(c.choices.map((choice) => button(choice.label, id(ACTION.topic), topicValueOf(choice), "primary"))),
  ];
}

function factBlocks(answer: Answer): Block[] {
  const out: Block[] = [];
  if (answer.check) out.push(...sections([heading(blockMsg.check), `*${esc(answer.check.text)}*`]));
  if (answer.fact !== undefined) out.push(context(esc(blockMsg.fact(answer.fact))));
  const row = answer.variantRow;
  if (row) {
    out.push(
      ...sections([
        heading(blockMsg.variant),
        esc(row.label),
        `${blockMsg.variantScreens}：${row.screenMessages.map((m) => `「${esc(m)}」`).join(" ")}`,
        ...(row.result !== undefined && row.result !== row.label
          ? [`${blockMsg.variantResult}：${esc(row.result)}`]
          : []),
        ...(row.state !== undefined ? [`${blockMsg.variantState}：${esc(row.state)}`] : []),
      ]),
    );
  }
  return out;
}

function bodyBlocks(answer: Answer): Block[] {
  return [
    ...factBlocks(answer),
    ...(answer.steps.length > 0 ? sections([heading(blockMsg.steps), ...stepRows(answer.steps)]) : []),
    ...answer.crossRefs.flatMap((ref) =>
      sections([heading(blockMsg.crossRef(ref.section, ref.title)), esc(ref.text), ...stepRows(ref.steps)]),
    ),
    ...(answer.notes.length > 0 ? sections([heading(blockMsg.notes), ...answer.notes.map((n) => `• ${esc(n)}`)]) : []),
    ...(answer.knownDifferences
      ? sections([heading(blockMsg.knownDifferences), ...knownDifferenceLines(answer.knownDifferences).map(esc)])
      : []),
    ...linesBlocks(answer.lines),
    ...partiesBlocks(answer),
    ...linksBlocks(answer),
    ...sections([heading(blockMsg.readAloud), `> ${esc(answer.readAloud)}`]),
  ];
}

function refButtons(refs: readonly TopicRef[], id: NextId) {
  return refs.map((r) => button(`${r.section} ${r.title}`, id(ACTION.topic), topicValueOf({ topic: r.topic })));
}

function tailBlocks(answer: Answer, options: RenderOptions, id: NextId): Block[] {
  const out: Block[] = [];
  if (answer.related.length > 0) {
    out.push(...sections([heading(blockMsg.related)]), ...actions(refButtons(answer.related, id)));
  }
  if (answer.alternatives.length > 0) {
    // Quoted as typed, less what no one means to type (NUL, bidi overrides, zero-width, lone surrogates).
    // Mentions cannot fire from it: @channel, @here or @someone come back as ＠channel (Slack reads only "@").
    const quoted = defuseMentions(
      stripInvisible(options.question ?? "")
        .replace(/\s+/g, " ")
        .trim(),
    );
    const lead = quoted ? esc(blockMsg.didYouMean(clip(quoted, QUOTE_MAX))) : esc(blockMsg.alternatives);
    out.push(...sections([lead]), ...actions(refButtons(answer.alternatives, id)));
  }
  out.push(divider(), context(esc(blockMsg.feedbackQuestion)));
  out.push(
    ...actions([
      ...(options.shareable || options.shareInThread !== undefined
        ? [
            button(
              options.shareInThread !== undefined ? blockMsg.shareInThread : blockMsg.share,
              ACTION.share,
              shareValueOf({
                ...pickOf(answer),
                ...(options.question ? { question: options.question } : {}),
                ...(options.shareInThread !== undefined ? { thread: options.shareInThread } : {}),
              }),
              "primary",
            ),
          ]
        : []),
      button(blockMsg.helpful, `${ACTION.feedback}_yes`, feedbackValueOf(answer.topic, true)),
      button(blockMsg.notHelpful, `${ACTION.feedback}_no`, feedbackValueOf(answer.topic, false)),
    ]),
  );
  out.push(context(esc(textMsg.source(answer.source.guide, answer.source.section, answer.source.pages))));
  return out;
}

function pickOf(answer: Answer) {
  return {
    topic: answer.topic,
    ...(answer.variant !== undefined ? { variant: answer.variant } : {}),
    ...(answer.fact !== undefined ? { fact: answer.fact } : {}),
  };
}

/** Keeps the head and the tail (the buttons, the source); the body is cut to fit 50 blocks. */
function fitBlocks(head: Block[], body: Block[], tail: Block[]): Block[] {
  const room = LIMITS.blocksPerMessage - head.length - tail.length;
  if (body.length <= room) return [...head, ...body, ...tail];
  return [...head, ...body.slice(0, Math.max(0, room - 1)), context(esc(blockMsg.omitted)), ...tail].slice(
    0,
    LIMITS.blocksPerMessage,
  );
}

/** One Answer as Block Kit, within Slack's limits for every topic, with the plain text as fallback. */
export function renderAnswerBlocks(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const id = actionIds();
  const head: Block[] = [
    ...(options.preface ? [context(options.preface)] : []),
    ...(answer.context
      ? [context(esc([answer.context.about, answer.context.stepNote].filter(Boolean).join(" ")))]
      : []),
    header(answerTitle(answer)),
    context(esc(answer.sectionTitle)),
    ...sections([esc(answer.summary)]),
    ...(answer.warnings.length > 0
      ? sections([`⚠️ ${heading(blockMsg.warnings)}`, ...answer.warnings.map((w) => `• *${esc(w)}*`)])
      : []),
    ...clarifyBlocks(answer, id),
  ];
  const tail = tailBlocks(answer, options, id);
  return {
    text: clipEscaped(esc(renderAnswerText(answer)), MAX_FALLBACK),
    blocks: fitBlocks(head, bodyBlocks(answer), tail),
  };
}

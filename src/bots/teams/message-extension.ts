import type { MessagingExtensionAttachment, MessagingExtensionResponse } from "botbuilder";
import { z } from "zod";
import type { Answer } from "../../engine/answer-model.js";
import type { TopicId } from "../../knowledge/schema.js";
import { maskQuestion, withPersonalNumberWarning } from "../ask.js";
import type { BotDeps } from "./handle-message.js";
import { answerTitle, cardAttachment, renderAnswerCard } from "./render-card.js";
import { commonTopics } from "./static-cards.js";

export const SEARCH_COMMAND_ID = "searchTopics";
const THUMBNAIL_CONTENT_TYPE = "application/vnd.microsoft.card.thumbnail";
const MAX_RESULTS = 10;
const PREVIEW_LENGTH = 90;

const querySchema = z.looseObject({
  commandId: z.string().optional(),
  parameters: z.array(z.looseObject({ name: z.string().optional(), value: z.unknown() })).optional(),
  queryOptions: z.looseObject({ count: z.number().int().min(1).optional() }).optional(),
});

interface SearchQuery {
  readonly text: string;
  readonly initialRun: boolean;
  readonly count: number;
}

function readQuery(value: unknown): SearchQuery {
  const parsed = querySchema.safeParse(value);
  const params = parsed.success ? (parsed.data.parameters ?? []) : [];
  const initialRun = params.some((p) => p.name === "initialRun" && String(p.value) === "true");
  const search = params.find((p) => p.name !== "initialRun" && typeof p.value === "string");
  const text = typeof search?.value === "string" ? search.value.slice(0, 500).trim() : "";
  const count = Math.min(parsed.success ? (parsed.data.queryOptions?.count ?? MAX_RESULTS) : MAX_RESULTS, MAX_RESULTS);
  return { text, initialRun, count };
}

function preview(answer: Answer): MessagingExtensionAttachment["preview"] {
  const summary = Array.from(answer.summary);
  const text = summary.length > PREVIEW_LENGTH ? `${summary.slice(0, PREVIEW_LENGTH).join("")}…` : answer.summary;
  return {
    contentType: THUMBNAIL_CONTENT_TYPE,
    content: { title: answerTitle(answer), subtitle: answer.sectionTitle, text },
  };
}

function result(answer: Answer): MessagingExtensionAttachment {
  const preview_ = preview(answer);
  return { ...cardAttachment(renderAnswerCard(answer)), ...(preview_ ? { preview: preview_ } : {}) };
}

/** Topics for a typed query: the best match first, then the close runners-up; the common topics for an empty box. */
function topicsFor(deps: BotDeps, masked: string): { topics: TopicId[]; variant?: string } {
  if (masked === "") return { topics: commonTopics(deps.core.kb) };
  const match = deps.core.matcher.match(masked);
  const ids = [match.id, ...match.alternatives.map((a) => a.id)].filter((id) => id !== "none");
  const topics = [...new Set(ids)];
  if (topics.length === 0) return { topics: ["none"] };
  return match.id !== "none" && match.variant !== undefined ? { topics, variant: match.variant } : { topics };
}

/**
 * `composeExtension/query`: answered from memory (matcher and engine are synchronous), well inside
 * Teams' 5 seconds. Search boxes send partial words as people type, so nothing is recorded as a miss.
 */
export function searchTopics(deps: BotDeps, value: unknown): MessagingExtensionResponse {
  const query = readQuery(value);
  const masked = maskQuestion(query.initialRun ? "" : query.text);
  const { personalNumberSeen } = masked;
  const { topics, variant } = topicsFor(deps, masked.text.trim());
  const now = deps.now?.();
  const attachments = topics.slice(0, query.count).map((topic, i) => {
    const raw = deps.core.engine.answer({
      text: masked.text,
      topic,
      ...(i === 0 && variant !== undefined ? { variant } : {}),
      ...(now ? { now } : {}),
    });
    return result(withPersonalNumberWarning(raw, personalNumberSeen));
  });
  deps.logger.info(
    { channel: "teams", kind: "search", results: attachments.length, best: topics[0], personalNumberSeen },
    "searched",
  );
  return { composeExtension: { type: "result", attachmentLayout: "list", attachments } };
}

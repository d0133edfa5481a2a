import type { Request, Response } from "restify";
import { formatJstIso, lineStatus } from "../../engine/line-status.js";
import { ask } from "../ask.js";
import type { ChannelDeps } from "../channel-deps.js";
import { converse } from "../converse.js";
import { readJsonBody } from "../read-body.js";
import { webMsg } from "./messages.js";
import { parseAskRequest, parseNowParam } from "./web-request.js";
import { sendJson } from "./web-response.js";

/** The largest /api/ask body read; a longer question is cut to MAX_TEXT_CHARS after parsing. */
export const ASK_BODY_LIMIT = 16 * 1024;

function searchParams(req: Request): URLSearchParams {
  return new URL(req.url ?? "/", "http://localhost").searchParams;
}

/** Runs the synchronous part of an answer, charging its time to the request's client (fair-share.ts). */
export type Meter = <T>(req: Request, work: () => T) => Promise<T>;

/** The handlers behind /api/*: plain data from the core, as JSON. Auth, CORS and limits are the router's. */
export function createWebApi(deps: ChannelDeps, meter: Meter = async (_req, work) => work()) {
  const { core } = deps;
  const clock = () => deps.now?.() ?? new Date();

  return {
    async ask(req: Request, res: Response): Promise<void> {
      const body = await readJsonBody(req, ASK_BODY_LIMIT);
      if (!body.ok) return sendJson(res, body.status, { error: body.message });
      const parsed = parseAskRequest(body.value, (id) => core.kb.topics.has(id));
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      const { typing, session, ...question } = parsed.value;
      // Keystrokes of a question still being typed (「む」「むこ」) are not misses for the knowledge maintainers.
      if (!session) {
        const { answer } = await meter(req, () => ask(deps, { channel: "web", ...question, record: !typing }));
        return sendJson(res, 200, answer);
      }
      const { text, now, topic, variant, fact } = question;
      const pick = topic ? { topic, ...(variant ? { variant } : {}), ...(fact ? { fact } : {}) } : undefined;
      const outcome = await converse(deps, {
        meter: (work) => meter(req, work),
        channel: "web",
        conversation: session,
        text,
        record: !typing,
        ...(now ? { now } : {}),
        ...(pick ? { pick } : {}),
      });
      sendJson(res, 200, outcome.kind === "answer" ? outcome.answer : { act: outcome.act, reply: outcome.text });
    },

    async topics(_req: Request, res: Response): Promise<void> {
      const topics = [...core.kb.topics.values()].map((t) => ({
        id: t.id,
        section: t.section,
        sectionTitle: t.sectionTitle,
        title: t.title,
        summary: t.summary,
      }));
      sendJson(res, 200, { topics });
    },

    async lines(req: Request, res: Response): Promise<void> {
      const now = parseNowParam(searchParams(req).get("now"));
      if (!now.ok) return sendJson(res, 400, { error: now.error });
      const at = now.value ?? clock();
      const lines = [...core.kb.phoneLines.values()].map((line) => lineStatus(line, at));
      sendJson(res, 200, { now: formatJstIso(at), lines });
    },

    async answer(req: Request, res: Response): Promise<void> {
      const id: unknown = req.params?.topic;
      if (typeof id !== "string" || !core.kb.topics.has(id))
        return sendJson(res, 404, { error: `topic: ${webMsg.badTopic}` });
      const now = parseNowParam(searchParams(req).get("now"));
      if (!now.ok) return sendJson(res, 400, { error: now.error });
      const { answer } = await meter(req, () =>
        ask(deps, {
          channel: "web",
          text: "",
          topic: id,
          ...(now.value ? { now: now.value } : {}),
        }),
      );
      sendJson(res, 200, answer);
    },
  };
}

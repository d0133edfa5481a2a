import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mountSlack } from "../../src/bots/slack/mount-slack.js";
import { mountTeams } from "../../src/bots/teams/mount-teams.js";
import { mountWeb } from "../../src/bots/web/mount-web.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { type EntryPoint, envelope, JSON_HEADERS, type Payload, rawJson } from "./entry-point.js";
import { type FakeSlackApi, startFakeSlackApi } from "./slack/fake-slack-api.js";
import { BOT_TOKEN, eventEnvelope, mention, SIGNING_SECRET, signedHeaders } from "./slack/slack-requests.js";
import { message, uniqueId } from "./teams/activities.js";
import { type FakeConnector, type SentActivity, startFakeConnector } from "./teams/fake-connector.js";
import { cardActions } from "./teams/validate-card.js";
import { type Reply, send, storedTexts } from "./web/web-client.js";

type Activity = SentActivity["body"];

const MARK = "QZX7731";
const QUESTION = "無効と表示された";

/** A non-loopback address of this machine: an unauthenticated bot must never POST there. */
function externalAddress(): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return all.find((a) => a.family === "IPv4" && !a.internal)?.address;
}

let fake: FakeConnector;
let trap: FakeConnector;
let slackApi: FakeSlackApi;

const teams: EntryPoint = {
  name: "Teams /api/messages",
  path: "/api/messages",
  env: {},
  mounter: mountTeams,
  wrap: (payload) => ({
    body: envelope(payload, (text) => message(text, { serviceUrl: fake.url, id: uniqueId() }), QUESTION),
    headers: JSON_HEADERS,
  }),
  shown: (reply) => {
    // deliveryMode expectReplies: the SDK returns the replies in the response body instead
    const inBody =
      reply.status === 200 && reply.text ? (reply.json<{ activities?: Activity[] }>().activities ?? []) : [];
    return [...fake.messages().map((m) => m.body), ...inBody.filter((a) => a.type === "message")].map((body) => {
      const card = body.attachments?.[0]?.content;
      const topic = cardActions(card, "Action.Submit").find((a) => a.data?.action === "feedback")?.data?.topic;
      return { ...(typeof topic === "string" ? { topic } : {}), content: JSON.stringify(body) };
    });
  },
  stray: () => [
    ...trap.attempts.map((a) => `POST to ${trap.url} for ${a.conversationId}`),
    ...(fake.attempts.length > 1 ? [`${fake.attempts.length} activities for one request`] : []),
  ],
  reset() {
    for (const f of [fake, trap]) {
      f.sent.length = 0;
      f.attempts.length = 0;
    }
  },
};

const web: EntryPoint = {
  name: "web /api/ask",
  path: "/api/ask",
  // The table is about bad input; fairness has its own tests (fairness.test.ts). A 4,000-emoji answer on
  // a loaded machine may take more than a client's default burst, which would turn the next check into a 429.
  env: { CLIENT_CPU_MS_PER_SECOND: "1000", CLIENT_CPU_BURST_MS: "10000" },
  mounter: mountWeb,
  wrap: (payload) => ({ body: envelope(payload, (text) => ({ text }), QUESTION), headers: JSON_HEADERS }),
  shown: (reply) => {
    if (reply.status !== 200) return [];
    const topic = reply.json().topic;
    return [{ ...(typeof topic === "string" ? { topic } : {}), content: reply.text }];
  },
  stray: () => [],
  reset() {},
};

/** Slack acknowledges first and answers afterwards: this long with no chat.postMessage, none is coming. */
const SLACK_SETTLE_MS = 1_500;
let slackEvents = 0;

const slackPosts = () => slackApi.calls.filter((c) => c.method === "chat.postMessage");

interface SlackBlock {
  readonly type?: string;
  readonly elements?: readonly { readonly action_id?: string; readonly value?: string }[];
}

/** The topic answered, read from the value of the feedback buttons (`{"t":"1-2","h":true}`). */
function slackTopic(blocks: unknown): { topic?: string } {
  const elements = (Array.isArray(blocks) ? (blocks as SlackBlock[]) : []).flatMap((b) =>
    b.type === "actions" ? (b.elements ?? []) : [],
  );
  const value = elements.find((e) => e.action_id?.startsWith("onshi_feedback_"))?.value;
  const topic = value === undefined ? undefined : (JSON.parse(value) as { t?: unknown }).t;
  return typeof topic === "string" ? { topic } : {};
}

const slack: EntryPoint = {
  name: "Slack /slack/events",
  path: "/slack/events",
  // read once the fake Web API listens (beforeAll)
  get env() {
    return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApi.apiUrl };
  },
  mounter: mountSlack,
  // Slack's "did you mean" quotes the masked question back (issue 6), escaped and cleaned
  quotesQuestion: true,
  // an app_mention in an event_callback envelope; raw bytes as they are; every body signed
  wrap: (payload) => {
    const body = envelope(payload, (text) => eventEnvelope(mention(text), `EvBadInput${++slackEvents}`), QUESTION);
    return { body, headers: signedHeaders(body) };
  },
  settle: () => slackApi.waitFor(() => slackPosts().length > 0, SLACK_SETTLE_MS).catch(() => undefined),
  shown: () =>
    slackPosts().map(({ body }) => ({
      ...slackTopic(body.blocks),
      content: JSON.stringify({ blocks: body.blocks, text: body.text }),
    })),
  stray: () => (slackPosts().length > 1 ? [`${slackPosts().length} chat.postMessage for one request`] : []),
  reset() {
    slackApi.calls.length = 0;
  },
};

const ENTRY_POINTS: readonly EntryPoint[] = [teams, web, slack];

interface BadInput {
  readonly why: string;
  readonly payload: Payload;
  /** Where an answer is given (on a 2xx one must be), it is this topic. */
  readonly topic?: string;
}

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const BAD_INPUTS: readonly BadInput[] = [
  { why: "not JSON", payload: { raw: `{"text": 無効 ${MARK}` } },
  { why: "a raw NUL byte inside a JSON string", payload: { raw: `{"text": "無効\u0000${MARK}"}` } },
  { why: "a JSON array", payload: { raw: `["${QUESTION}", "${MARK}"]` } },
  { why: "a JSON string", payload: { raw: `"${QUESTION} ${MARK}"` } },
  { why: "an empty body", payload: { raw: "" } },
  {
    why: "a body nested 10,000 deep (over 16 KB for /api/ask: 413)",
    payload: { raw: nested(10_000) },
  },
  { why: "a card value nested 10,000 deep", payload: { fields: { text: "", value: rawJson(nested(10_000)) } } },
  {
    why: "a __proto__ key",
    payload: { fields: JSON.parse(`{"__proto__": {"polluted": "${MARK}"}}`) as Record<string, unknown> },
  },
  { why: "constructor.prototype keys", payload: { fields: { constructor: { prototype: { polluted: MARK } } } } },
  { why: "no type", payload: { fields: { type: undefined } } },
  { why: "type: 5", payload: { fields: { type: 5 } } },
  { why: "text: {} (an object)", payload: { fields: { text: { toString: MARK } } } },
  { why: "from missing", payload: { fields: { from: undefined } }, topic: "1-2" },
  { why: "from.id a number (the reply's recipient)", payload: { fields: { from: { id: 5, name: MARK } } } },
  { why: "recipient missing", payload: { fields: { recipient: undefined } }, topic: "1-2" },
  { why: "conversation missing", payload: { fields: { conversation: undefined } } },
  {
    why: "conversation.conversationType an object",
    payload: { fields: { conversation: { id: "a:1", conversationType: {} } } },
  },
  { why: "id a number (the reply's replyToId)", payload: { fields: { id: 12 } } },
  { why: "locale an object", payload: { fields: { locale: { MARK } } } },
  { why: "entities a string", payload: { fields: { entities: MARK } } },
  { why: "entities holding null", payload: { fields: { entities: [null] } } },
  { why: "membersAdded a string", payload: { fields: { type: "conversationUpdate", membersAdded: MARK } } },
  { why: "serviceUrl not a URL", payload: { fields: { serviceUrl: `not a url ${MARK}` } } },
  { why: "serviceUrl a file: URL", payload: { fields: { serviceUrl: "file:///etc/passwd" } } },
  {
    why: "serviceUrl on another machine, authentication off: never called",
    payload: { fields: () => ({ serviceUrl: trap.url }) },
  },
  { why: "a forged card value", payload: { fields: { text: "", value: { action: "topic", topic: `../${MARK}` } } } },
  { why: "channelData a string", payload: { fields: { channelData: MARK } }, topic: "1-2" },
  { why: "deliveryMode expectReplies", payload: { fields: { deliveryMode: "expectReplies" } }, topic: "1-2" },
  { why: "an unknown activity type", payload: { fields: { type: "somethingElse" } } },
  { why: "an event activity", payload: { fields: { type: "event", name: MARK } } },
  { why: "an invoke with an unknown name", payload: { fields: { type: "invoke", name: `x/${MARK}`, value: {} } } },
  {
    why: "NUL inside the question",
    payload: { text: `無効\u0000と表示された ${MARK}` },
    topic: "1-2",
  },
  {
    why: "lone surrogates (JSON \\ud800 escapes)",
    payload: { text: `\ud800無効と表示された\udfff${MARK}` },
    topic: "1-2",
  },
  {
    why: "bidi overrides",
    payload: { text: `\u202e無効と表示された\u202c ${MARK}` },
    topic: "1-2",
  },
  {
    why: "zero-width characters inside the keyword",
    payload: { text: `「無\u200b効」と\u2060表示された ${MARK}` },
    topic: "1-2",
  },
  {
    why: "a 100,000-character line (Teams: cut to 2,000 and answered; /api/ask: 413)",
    payload: { text: `${QUESTION} ${"x".repeat(100_000 - QUESTION.length - MARK.length - 1)}${MARK}` },
    topic: "1-2",
  },
  { why: "4,000 emoji", payload: { text: `${"😀".repeat(4_000)}${MARK}` } },
];

const STACK = /\n\s*at \S|\bat \S+ \(\S*:\d+:\d+\)|Error:/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

// NUL and other controls, bidi overrides, zero-width characters, lone surrogates (as JSON writes them).
const INVISIBLE_IN_JSON =
  /\\u00[01][0-9a-f]|\\u20(?:0[b-f]|2[a-e]|6[0-9a-f])|\\ufeff|\\ud[89a-f][0-9a-f]{2}|[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/i;

/** Where the channel quotes the (masked) question back, as Slack's did-you-mean does: no stack, nothing invisible. */
function expectCleanQuote(text: string): void {
  expect(text).not.toMatch(STACK);
  expect(text).not.toMatch(INVISIBLE_IN_JSON);
}

function expectNoLeak(text: string): void {
  expect(text).not.toMatch(STACK);
  expect(text).not.toContain(MARK);
}

let server: TestServer;

beforeAll(async () => {
  fake = await startFakeConnector();
  const external = externalAddress();
  trap = await startFakeConnector(external ? { listenOn: "0.0.0.0", urlHost: external } : {});
  slackApi = await startFakeSlackApi();
  const env = Object.assign({}, ...ENTRY_POINTS.map((e) => e.env)) as Record<string, string>;
  server = await startTestServer(env, [...new Set(ENTRY_POINTS.map((e) => e.mounter))]);
});

afterAll(async () => {
  await server.close();
  await Promise.all([fake.close(), trap.close(), slackApi.close()]);
});

beforeEach(() => {
  for (const e of ENTRY_POINTS) e.reset();
});

async function post(entry: EntryPoint, payload: Payload): Promise<Reply> {
  const { body, headers } = entry.wrap(payload);
  const reply = await send(`${server.url}${entry.path}`, { method: "POST", headers, body });
  await entry.settle?.();
  return reply;
}

// The env of every entry point goes into one server: none may set (and so change) another's variable.
it("the entry points' env share no variable", () => {
  const names = ENTRY_POINTS.flatMap((e) => Object.keys(e.env));
  expect(names).toEqual([...new Set(names)]);
});

async function expectHandled(entry: EntryPoint, { payload, topic }: BadInput): Promise<void> {
  const logsBefore = server.logs.length;
  const reply = await post(entry, payload);
  expect(reply.status).toBeGreaterThanOrEqual(200);
  expect(reply.status).toBeLessThan(500);
  expectNoLeak(reply.text);

  const shown = entry.shown(reply);
  // a question is never met with silence, nor answered twice
  if (reply.status < 300 && ("text" in payload || topic)) expect(shown).toHaveLength(1);
  for (const s of shown) {
    expect(s.content).toMatch(JAPANESE);
    if (entry.quotesQuestion) expectCleanQuote(s.content);
    else expectNoLeak(s.content);
    if (topic) expect(s.topic).toBe(topic);
  }
  expect(entry.stray()).toEqual([]);
  expect(server.logs.slice(logsBefore).filter((l) => Number(l.level) >= 50)).toEqual([]);
  expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);

  // still serving: health, then a normal question answered
  expect((await send(`${server.url}/healthz`)).status).toBe(200);
  entry.reset();
  const normal = await post(entry, { text: QUESTION });
  expect(normal.status).toBe(200);
  expect(entry.shown(normal).map((s) => s.topic)).toEqual(["1-2"]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe.each(ENTRY_POINTS)("bad input on $name: a 4xx or a kind reply, never a crash", (entry) => {
  for (const input of BAD_INPUTS) it(input.why, () => expectHandled(entry, input));
});

interface CrossSite {
  readonly why: string;
  readonly headers: Record<string, string | undefined>;
}

/** What a page on another site can make a browser send without a preflight, and what it may not send at all. */
const CROSS_SITE: readonly CrossSite[] = [
  { why: "content-type text/plain;json", headers: { "content-type": "text/plain;json" } },
  {
    why: "content-type text/plain (a fetch with a string body)",
    headers: { "content-type": "text/plain;charset=UTF-8" },
  },
  { why: "no content-type (a Blob body)", headers: { "content-type": undefined } },
  { why: "content-type application/jsonp", headers: { "content-type": "application/jsonp" } },
  { why: "an Origin on another site", headers: { origin: "https://evil.example" } },
  { why: "Origin null (a sandboxed page)", headers: { origin: "null" } },
];

describe.each(ENTRY_POINTS)("requests from another site on $name: refused, nothing answered", (entry) => {
  for (const { why, headers } of CROSS_SITE) {
    it(why, async () => {
      const { body, headers: base } = entry.wrap({ text: QUESTION });
      const merged: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...base, ...headers })) if (v !== undefined) merged[k] = v;
      const reply = await send(`${server.url}${entry.path}`, { method: "POST", headers: merged, body });
      await entry.settle?.();
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(entry.shown(reply)).toEqual([]);
      expect(entry.stray()).toEqual([]);
      expect(storedTexts(server)).not.toContain(`${QUESTION} ${MARK}`);
    });
  }

  it("the same request with application/json and no Origin is answered", async () => {
    const normal = await post(entry, { text: QUESTION });
    expect(normal.status).toBe(200);
    expect(entry.shown(normal).map((s) => s.topic)).toEqual(["1-2"]);
  });
});

interface Pasted {
  readonly why: string;
  readonly text: string;
  /** What must appear nowhere: not in what was shown, not in the store, not in the logs. */
  readonly secrets: readonly string[];
  readonly personalNumber?: boolean;
}

// A valid 個人番号 (check digit holds) in every form staff have pasted it, and the other patient data.
const PASTED: readonly Pasted[] = [
  ...[
    ["dots", "1234.5678.9018"],
    ["commas", "1234,5678,9018"],
    ["読点", "1234、5678、9018"],
    ["slashes", "1234/5678/9018"],
    ["newlines", "1234\n5678\n9018"],
    ["four spaces", "1234    5678    9018"],
    ["parentheses", "(1234)(5678)(9018)"],
    ["mathematical digits", "𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖"],
    ["inside a longer run", "991234567890188"],
  ].map(([why, n]) => ({
    why: `a 個人番号 with ${why}`,
    text: `${QUESTION} ${n}`,
    secrets: ["9018", "𝟗𝟎𝟏𝟖", "5678"],
    personalNumber: true,
  })),
  { why: "a name after 患者", text: `患者の山田太郎さんが${QUESTION}`, secrets: ["山田", "太郎"] },
  { why: "a kana name", text: `ヤマダ タロウ様が${QUESTION}`, secrets: ["ヤマダ", "タロウ"] },
  { why: "an address", text: `東京都港区芝公園1-2-3の患者 ${QUESTION}`, secrets: ["芝公園"] },
  { why: "a phone number", text: `090-1234-5678 の患者 ${QUESTION}`, secrets: ["1234-5678"] },
  { why: "an e-mail", text: `taro@example.jp ${QUESTION}`, secrets: ["taro@"] },
  { why: "an unlabelled date", text: `1975年1月2日の人 ${QUESTION}`, secrets: ["1975"] },
  { why: "a 和暦 date", text: `平成元年5月6日の患者 ${QUESTION}`, secrets: ["平成元年"] },
  { why: "暗唱番号", text: `暗唱番号は4821 ${QUESTION}`, secrets: ["4821"] },
];

describe.each(ENTRY_POINTS)("patient data pasted on $name: never shown, stored or logged in clear", (entry) => {
  for (const { why, text, secrets, personalNumber } of PASTED) {
    it(why, async () => {
      const logsBefore = server.logs.length;
      const reply = await post(entry, { text });
      expect(reply.status).toBe(200);
      const shown = entry.shown(reply).map((s) => s.content);
      expect(shown).toHaveLength(1);
      const stored = storedTexts(server).join("\n");
      // The logger's own clock and process id are numbers too (…509018): only what the lines say counts.
      const logged = JSON.stringify(server.logs.slice(logsBefore).map(({ time: _t, pid: _p, ...line }) => line));
      for (const secret of secrets) {
        // the shown reply is JSON: a newline is \n there, so a secret cannot hide behind an escape
        for (const where of [shown.join("\n"), stored, logged]) expect(where).not.toContain(secret);
      }
      if (personalNumber) expect(shown[0]).toContain("個人番号（マイナンバー）が含まれていたため");
    });
  }
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ConverseOutcome, converse } from "../../src/bots/converse.js";
import type { Core } from "../../src/core.js";
import { createDialogEngine } from "../../src/engine/conversation/dialog-engine.js";
import type { Logger } from "../../src/privacy/logger.js";
import { createMissStore, readRecords } from "../../src/privacy/miss-store.js";
import { createConversations } from "../../src/state/conversation-store.js";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { sharedCore } from "../helpers/test-server.js";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
let core: Core;
beforeAll(async () => {
  core = await sharedCore();
});

function setup() {
  const path = join(mkdtempSync(join(tmpdir(), "onshi-converse-")), "feedback.jsonl");
  const state = createMemoryStore();
  const deps = {
    core,
    logger: quiet,
    store: createMissStore({ logger: quiet, path, syncDelayMs: 0 }),
    conversations: createConversations(state, createDialogEngine(core)),
    now: () => new Date("2026-11-28T10:00:00+09:00"),
  };
  return { deps, path, state };
}

const textOf = (o: ConverseOutcome) => (o.kind === "reply" ? o.text : o.answer.summary);

describe("converse: a chat message in its conversation", () => {
  it("acts are answered briefly and never recorded as unanswered; unanswered questions are", async () => {
    const { deps, path } = setup();
    const thanks = await converse(deps, { channel: "slack", conversation: "D1", text: "ありがとうございます" });
    expect(thanks).toMatchObject({ kind: "reply", act: "thanks" });
    await converse(deps, { channel: "slack", conversation: "D1", text: "今日の天気は晴れですか" });
    deps.store.close();
    const records = readRecords(path);
    expect(records.map((r) => r.text)).toEqual(["今日の天気は晴れですか"]);
  });

  it("conversations are kept apart per channel and conversation id", async () => {
    const { deps } = setup();
    await converse(deps, { channel: "teams", conversation: "c1", text: "富士通のリーダーの電話番号" });
    const other = await converse(deps, { channel: "slack", conversation: "c1", text: "それって土曜もやってる？" });
    const same = await converse(deps, { channel: "teams", conversation: "c1", text: "それって土曜もやってる？" });
    expect(other.kind === "answer" && other.answer.context).toBeFalsy();
    expect(same.kind === "answer" && same.answer.topic).toBe("3-reader-fujitsu");
  });

  it("a 個人番号 is warned about, masked everywhere, and never reaches the store", async () => {
    const { deps, state } = setup();
    const out = await converse(deps, { channel: "teams", conversation: "c9", text: "ありがとう 123456789018" });
    expect(textOf(out)).toContain("個人番号");
    const turn = await converse(deps, {
      channel: "teams",
      conversation: "c9",
      text: "123456789018 の山田太郎さん、無効と出た",
    });
    expect(turn.kind === "answer" && turn.maskedText).not.toContain("123456789018");
    expect(turn.kind === "answer" && turn.maskedText).not.toContain("山田太郎");
    expect(JSON.stringify(await state.get("onshi:conv:teams:c9"))).not.toContain("123456789018");
  });

  it("a question still being typed is read in context but changes nothing", async () => {
    const { deps } = setup();
    await converse(deps, { channel: "web", conversation: "s1", text: "富士通のリーダーの電話番号" });
    const typing = await converse(deps, { channel: "web", conversation: "s1", text: "停電", record: false });
    expect(typing.kind === "answer" && typing.answer.topic).toBe("2-4");
    const follow = await converse(deps, { channel: "web", conversation: "s1", text: "土曜は？" });
    expect(follow.kind === "answer" && follow.answer.topic).toBe("3-reader-fujitsu");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { answerAsOfMinute } from "../../src/bots/answer-cache.js";
import type { Core } from "../../src/core.js";
import type { Answer, Query } from "../../src/engine/answer-model.js";
import { sharedCore } from "../helpers/test-server.js";

let core: Core;
beforeAll(async () => {
  core = await sharedCore();
});

function counting(): { answer(q: Query): Answer; asked: Query[] } {
  const asked: Query[] = [];
  return {
    asked,
    answer(q) {
      asked.push(q);
      return core.engine.answer(q);
    },
  };
}

const jst = (local: string) => new Date(`${local}+09:00`);

describe("answers kept for the minute they were asked in", () => {
  it("the same question within the minute is not built again", () => {
    const engine = counting();
    const a = answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:05") });
    const b = answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:55") });
    expect(b).toBe(a);
    expect(engine.asked).toHaveLength(1);
  });

  it("is built as of the start of its minute, so kept and fresh answers agree", () => {
    const engine = counting();
    const a = answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:42") });
    expect(a.now).toBe("2026-11-24T10:00:00+09:00");
  });

  it("a new minute, another topic or another fact is answered afresh", () => {
    const engine = counting();
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:05") });
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:01:05") });
    answerAsOfMinute(engine, { text: "停電", topic: "2-4-emergency", now: jst("2026-11-24T10:01:06") });
    answerAsOfMinute(engine, { text: "無効", topic: "1-2", fact: "資格確認書", now: jst("2026-11-24T10:01:07") });
    answerAsOfMinute(engine, { text: "無効", topic: "1-2", now: jst("2026-11-24T10:01:08") });
    expect(engine.asked).toHaveLength(5);
  });

  it("a line's status changes exactly at its closing minute (17:59:59 open, 18:00:00 closed)", () => {
    const engine = counting();
    const before = answerAsOfMinute(engine, { text: "コールセンター何時まで", now: jst("2026-11-24T17:59:59") });
    const after = answerAsOfMinute(engine, { text: "コールセンター何時まで", now: jst("2026-11-24T18:00:00") });
    expect(before.lines.find((l) => l.id === "callcenter")?.state).toBe("open");
    expect(after.lines.find((l) => l.id === "callcenter")?.state).toBe("closed");
  });

  it("does not keep very long pastes", () => {
    const engine = counting();
    const long = "停電".repeat(1_500);
    answerAsOfMinute(engine, { text: long, now: jst("2026-11-24T10:00:00") });
    answerAsOfMinute(engine, { text: long, now: jst("2026-11-24T10:00:01") });
    expect(engine.asked).toHaveLength(2);
  });
});

describe("memory stays bounded as minutes pass", () => {
  it("answers of minutes that are over are let go", () => {
    const engine = counting();
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:05") });
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:01:05") });
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:02:05") });
    // 10:00 was let go when 10:02 came: asking about it again builds it again
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:00:30") });
    expect(engine.asked).toHaveLength(4);
    // 10:02 is still kept
    answerAsOfMinute(engine, { text: "停電", now: jst("2026-11-24T10:02:40") });
    expect(engine.asked).toHaveLength(4);
  });
});

import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { deliveryKey, tenantAllowed, tenantOf } from "../../../src/bots/teams/activity-guards.js";
import { isHelpCommand, questionText } from "../../../src/bots/teams/message-text.js";

const activity = (fields: Record<string, unknown>) => fields as unknown as Activity;

describe("redelivery key", () => {
  it("keys by conversation and id; no id, no key", () => {
    expect(deliveryKey(activity({ id: "1", conversation: { id: "c1" } }))).not.toBe(
      deliveryKey(activity({ id: "1", conversation: { id: "c2" } })),
    );
    expect(deliveryKey(activity({ conversation: { id: "c1" } }))).toBeUndefined();
  });
});

describe("tenant allow-list", () => {
  it("reads the tenant from channelData, then from the conversation", () => {
    expect(tenantOf(activity({ channelData: { tenant: { id: "t1" } }, conversation: { tenantId: "t2" } }))).toBe("t1");
    expect(tenantOf(activity({ conversation: { tenantId: "t2" } }))).toBe("t2");
    expect(tenantOf(activity({ conversation: {} }))).toBeUndefined();
  });

  it("serves every tenant without a list; only listed ones (any case) with one", () => {
    expect(tenantAllowed([], undefined)).toBe(true);
    expect(tenantAllowed(["ABC"], "abc")).toBe(true);
    expect(tenantAllowed(["abc"], "evil")).toBe(false);
    expect(tenantAllowed(["abc"], undefined)).toBe(false);
  });
});

describe("question text", () => {
  const bot = { id: "28:bot", name: "オン資ヘルプ" };
  const mention = { type: "mention", text: "<at>オン資ヘルプ</at>", mentioned: bot };

  it("removes the bot's mention, keeps other people's names, decodes entities", () => {
    const text = "<at>オン資ヘルプ</at>&nbsp;<at>田中</at>さんの件で 無効 &amp; 該当なし";
    const other = { type: "mention", text: "<at>田中</at>", mentioned: { id: "29:tanaka" } };
    expect(questionText(activity({ text, recipient: bot, entities: [mention, other] }))).toBe(
      "田中さんの件で 無効 & 該当なし",
    );
  });

  it("does not change the activity", () => {
    const a = activity({ text: "<at>オン資ヘルプ</at> 停電", recipient: bot, entities: [mention] });
    expect(questionText(a)).toBe("停電");
    expect(a.text).toBe("<at>オン資ヘルプ</at> 停電");
  });

  it.each([
    ["help", true],
    ["ヘルプ", true],
    ["/help", true],
    ["ＨＥＬＰ", true],
    ["help me with 無効", false],
  ])("isHelpCommand(%s) is %s", (text, expected) => {
    expect(isHelpCommand(text)).toBe(expected);
  });
});

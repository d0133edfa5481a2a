import { describe, expect, it } from "vitest";
import { cutText, MAX_TEXT_CHARS, parseAskRequest } from "../../../src/bots/web/web-request.js";
import { realKb } from "../../engine/fixture-kb.js";

describe("cutText", () => {
  it("keeps a question within the limit as it is", () => {
    expect(cutText("停電")).toBe("停電");
  });

  it("cuts at 2,000 code points (an emoji counts once)", () => {
    const cut = cutText("😀".repeat(MAX_TEXT_CHARS + 10));
    expect(Array.from(cut)).toHaveLength(MAX_TEXT_CHARS);
  });

  it("drops a number the cut would split, so no partial 個人番号 escapes the masker", () => {
    const head = "あ".repeat(MAX_TEXT_CHARS - 7);
    expect(cutText(`${head}1234 5678 9018`)).toBe(head);
    expect(cutText(`${head}１２３４－５６７８９０１８`)).toBe(head);
  });
});

/** The topics are the knowledge base's files: 9-9 is well-formed but has none. */
const isTopic = (id: string) => realKb().topics.has(id);

describe("parseAskRequest", () => {
  it.each([
    ["an array", [], "body: "],
    ["null", null, "body: "],
    ["a number", 3, "body: "],
    ["no text", {}, "text: 必須です"],
    ["text not a string", { text: 1 }, "text: 文字列で指定してください"],
    ["blank text", { text: "  \n " }, "text: 空にはできません"],
    ["an unknown topic", { text: "a", topic: "9-9" }, "topic: "],
    ["now without an offset", { text: "a", now: "2026-11-23T10:00:00" }, "now: "],
    ["now not a date", { text: "a", now: "明日" }, "now: "],
    ["an unknown key", { text: "a", extra: 1 }, "extra: 使えない項目です"],
    ["a key holding data", { text: "a", "123456789018": 1 }, "（不明な項目）: "],
    ["a long variant", { text: "a", variant: "v".repeat(101) }, "variant: 100文字以内"],
  ])("refuses %s and names the field", (_why, body, prefix) => {
    const parsed = parseAskRequest(body, isTopic);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.startsWith(prefix)).toBe(true);
  });

  it("refuses a __proto__ key by name", () => {
    const parsed = parseAskRequest(JSON.parse('{"text":"a","__proto__":{"polluted":true}}'), isTopic);
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^__proto__: /) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts the documented fields", () => {
    const parsed = parseAskRequest(
      {
        text: " 停電 ",
        now: "2026-11-23T10:00:00+09:00",
        topic: "1-2",
        variant: "lost",
        fact: "マイナンバーカードで資格確認",
      },
      isTopic,
    );
    expect(parsed.ok && parsed.value.text).toBe("停電");
    expect(parsed.ok && parsed.value.now?.toISOString()).toBe("2026-11-23T01:00:00.000Z");
  });
});

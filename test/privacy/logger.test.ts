import { describe, expect, it } from "vitest";
import { createLogger, type Logger, REDACTED } from "../../src/privacy/logger.js";
import { containsValidMyNumber } from "../../src/privacy/mask.js";

function capture(level = "info"): { logger: Logger; lines: () => Record<string, unknown>[]; raw: () => string } {
  const chunks: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void chunks.push(s) } });
  return {
    logger,
    raw: () => chunks.join(""),
    lines: () => chunks.map((c) => JSON.parse(c) as Record<string, unknown>),
  };
}

const MY_NUMBER_FORMS = ["123456789018", "1234 5678 9018", "1234-5678-9018", "１２３４５６７８９０１８"];

/** pino's time (13 digits of epoch milliseconds) and pid are no patient's: the rest of each line is checked. */
function withoutPinoFields(raw: string): string {
  return raw
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const { level: _l, time: _t, pid: _p, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    })
    .join("\n");
}

function expectClean(raw: string): void {
  for (const form of MY_NUMBER_FORMS) expect(raw).not.toContain(form);
  expect(containsValidMyNumber(withoutPinoFields(raw))).toBe(false);
}

describe("createLogger masks inside the logger", () => {
  it("masks the message", () => {
    const { logger, lines, raw } = capture();
    logger.info("患者の個人番号は 1234 5678 9018 です");
    expect(lines()[0]?.msg).toBe("患者の個人番号は [個人番号] です");
    expectClean(raw());
  });

  it("masks the message after interpolation", () => {
    const { logger, lines, raw } = capture();
    logger.info("番号 %s%s", "123456", "789018");
    expect(lines()[0]?.msg).toBe("番号 [個人番号]");
    expectClean(raw());
  });

  it("masks every string of the object, nested, in arrays, keys and 12-digit numbers", () => {
    const { logger, lines, raw } = capture();
    logger.info(
      {
        question: { text: "１２３４５６７８９０１８ の患者", notes: ["生年月日 1980/1/2", "記号 12 番号 34"] },
        asNumber: 123456789018,
        byKey: { "123456789018": true },
      },
      "asked",
    );
    const line = lines()[0];
    expect(line?.question).toEqual({
      text: "[個人番号] の患者",
      notes: ["生年月日 [生年月日]", "記号 [記号] 番号 [番号]"],
    });
    expect(line?.asNumber).toBe("[個人番号]");
    expect(line?.byKey).toEqual({ "[個人番号]": true });
    expectClean(raw());
  });

  it("masks a logged Error's message and stack", () => {
    const { logger, lines, raw } = capture();
    logger.error(new Error("lookup failed for 1234-5678-9018"));
    logger.error({ err: new Error("個人番号 123456789018 を受信") }, "handler failed");
    const [first, second] = lines();
    const err = first?.err as { message: string; stack: string; type: string };
    expect(err.type).toBe("Error");
    expect(err.message).toBe("lookup failed for [個人番号]");
    expect(err.stack).toContain("lookup failed for [個人番号]");
    expect(first?.msg).toBe("lookup failed for [個人番号]");
    expect(second?.err).toMatchObject({ message: "個人番号 [個人番号] を受信" });
    expectClean(raw());
  });

  it("masks child bindings", () => {
    const { logger, lines, raw } = capture();
    logger.child({ user: "個人番号 123456789018" }).info("hello");
    expect(lines()[0]?.user).toBe("個人番号 [個人番号]");
    expectClean(raw());
  });

  it("redacts secrets at any depth", () => {
    const { logger, lines, raw } = capture();
    logger.info({
      authorization: "Bearer eyJhbGciOi",
      token: "tok-1",
      headers: { authorization: "Bearer abc", Authorization: "Bearer def" },
      slack: {
        botToken: "xoxb-1",
        appToken: "xapp-1",
        signingSecret: "sig-1",
        response_url: "https://hooks.slack.com/r/1",
      },
      deep: { a: { b: { password: "hunter2", secret: "s-1", responseUrl: "https://x/r" } } },
      rawBody: "payload=1",
      body: { text: "hi" },
    });
    const line = lines()[0];
    expect(line?.authorization).toBe(REDACTED);
    expect(line?.token).toBe(REDACTED);
    expect(line?.headers).toEqual({ authorization: REDACTED, Authorization: REDACTED });
    expect(line?.slack).toEqual({
      botToken: REDACTED,
      appToken: REDACTED,
      signingSecret: REDACTED,
      response_url: REDACTED,
    });
    expect(line?.deep).toEqual({ a: { b: { password: REDACTED, secret: REDACTED, responseUrl: REDACTED } } });
    expect(line?.rawBody).toBe(REDACTED);
    expect(line?.body).toBe(REDACTED);
    for (const secret of [
      "eyJhbGciOi",
      "tok-1",
      "abc",
      "def",
      "xoxb",
      "xapp",
      "sig-1",
      "hooks.slack",
      "hunter2",
      "s-1",
      "payload",
    ]) {
      expect(raw()).not.toContain(secret);
    }
  });

  it("writes JSON lines at or above the level only", () => {
    const { logger, lines } = capture("warn");
    logger.info("not written");
    logger.warn("written");
    expect(lines().map((l) => l.msg)).toEqual(["written"]);
    expect(lines()[0]?.level).toBe(40);
  });
});

describe("the logger's quick path never skips a line the masker would change", () => {
  it.each([
    ["tab", "1234\t5678\t9018"],
    ["figure dash U+2012", "1234\u20125678\u20129018"],
    ["horizontal bar U+2015", "1234\u20155678\u20159018"],
    ["ideographic space", "1234\u30005678\u30009018"],
    ["zero-width space", "1234\u200b5678\u200b9018"],
    ["full width", "１２３４５６７８９０１８"],
  ])("a valid 個人番号 split by %s", (_label, number) => {
    const { logger, lines, raw } = capture();
    logger.info({ text: `受付 ${number}` }, `受付 ${number}`);
    expect(lines()[0]?.msg).toBe("受付 [個人番号]");
    expect(lines()[0]?.text).toBe("受付 [個人番号]");
    expectClean(raw());
  });
});

describe("the other kinds of patient data never reach a log line", () => {
  it("names, addresses, phones, e-mails and dates are replaced; pino's own time and pid are left alone", () => {
    const { logger, lines, raw } = capture();
    logger.info(
      { note: "患者の山田太郎さん 東京都港区芝公園1-2-3 090-1234-5678 taro@example.jp 平成元年5月6日" },
      "%s",
      "暗唱番号は4821",
    );
    const line = lines()[0];
    expect(line?.note).toBe("患者の[氏名]さん [住所] [電話番号] [メール] [日付]");
    expect(line?.msg).toBe("暗唱番号は[暗証番号]");
    expect(typeof line?.time).toBe("number");
    expect(raw()).not.toMatch(/山田|芝公園|1234-5678|taro@|平成元年|4821/u);
  });
});

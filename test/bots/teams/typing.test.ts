import { describe, expect, it } from "vitest";
import { typingWhileSlow } from "../../../src/bots/teams/typing.js";

describe("typing indicator", () => {
  function recorder() {
    const sent: string[] = [];
    return {
      sent,
      sendActivity: async (a: { type?: string }) => {
        sent.push(a.type ?? "");
        return undefined;
      },
    };
  }

  it("is not sent when the work is quick", async () => {
    const context = recorder();
    expect(
      await typingWhileSlow(
        context,
        () => 42,
        () => {},
        50,
      ),
    ).toBe(42);
    await new Promise((r) => setTimeout(r, 80));
    expect(context.sent).toEqual([]);
  });

  it("is sent once when the work is slow, before the work's result is used", async () => {
    const context = recorder();
    const slow = () => new Promise<string>((r) => setTimeout(() => r("done"), 120));
    expect(await typingWhileSlow(context, slow, () => {}, 30)).toBe("done");
    expect(context.sent).toEqual(["typing"]);
  });
});

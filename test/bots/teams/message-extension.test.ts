import { describe, expect, it } from "vitest";
import { PERSONAL_NUMBER_WARNING } from "../../../src/privacy/messages.js";
import type { TestServer } from "../../helpers/test-server.js";
import { extensionQuery } from "./activities.js";
import type { FakeConnector } from "./fake-connector.js";
import { delay, postActivity } from "./post.js";
import { useTeamsTestBed } from "./teams-test-bed.js";
import { cardProblems, cardTexts } from "./validate-card.js";

interface ExtensionBody {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: {
      contentType: string;
      content: Record<string, unknown>;
      preview: { contentType: string; content: { title: string; text: string } };
    }[];
  };
}

let server: TestServer;
let fake: FakeConnector;

useTeamsTestBed((f, s) => {
  fake = f;
  server = s;
});

async function search(query: string, initialRun = false): Promise<ExtensionBody> {
  const started = performance.now();
  const res = await postActivity(server.url, extensionQuery(query, { serviceUrl: fake.url, initialRun }));
  expect(res.status).toBe(200);
  // Teams waits 5 seconds for the invoke response; this is answered from memory
  expect(performance.now() - started).toBeLessThan(1_000);
  return res.json() as ExtensionBody;
}

describe("message extension (composeExtension/query)", () => {
  it("lists the best topic first, then close runners-up, each with a preview and the full card", async () => {
    const body = await search("該当資格なし");
    expect(body.composeExtension.type).toBe("result");
    expect(body.composeExtension.attachmentLayout).toBe("list");
    const [first, ...rest] = body.composeExtension.attachments;
    expect(first?.preview.content.title).toBe("1-② 「無効」「該当資格なし」と表示された");
    expect(first?.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    expect(first?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardProblems(first?.content)).toEqual([]);
    expect(cardTexts(first?.content).join("\n")).toContain(
      "出典：オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし・SHA-256 4178091420b5） 1-②",
    );
    expect(rest.length).toBeGreaterThan(0);
    // the bot posts nothing itself: the agent inserts the card
    await delay(100);
    expect(fake.sent).toEqual([]);
  });

  it("offers the common topics for an empty box (initialRun)", async () => {
    const body = await search("", true);
    const titles = body.composeExtension.attachments.map((a) => a.preview.content.title);
    expect(titles).toHaveLength(7);
    expect(titles[0]).toContain("1-②");
  });

  it("offers the call center when nothing in the guide fits", async () => {
    const body = await search("今日のランチのおすすめ");
    const texts = body.composeExtension.attachments.flatMap((a) => cardTexts(a.content)).join("\n");
    expect(texts).toContain("0800-080-4583");
  });

  it("masks a 個人番号 typed into the search box, warns, and logs no digits", async () => {
    const body = await search("123456789018 無効");
    const raw = JSON.stringify(body);
    expect(raw).not.toContain("123456789018");
    expect(raw).toContain(PERSONAL_NUMBER_WARNING);
    expect(server.rawLogs()).not.toContain("123456789018");
  });

  it("answers an invoke it does not handle with an empty 200 (not the SDK's 501), no error text", async () => {
    const res = await postActivity(server.url, {
      ...extensionQuery("x", { serviceUrl: fake.url }),
      name: "composeExtension/fetchTask",
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
  });
});

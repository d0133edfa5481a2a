import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountMaintainer } from "../../../src/bots/web/mount-maintainer.js";
import { mountWeb } from "../../../src/bots/web/mount-web.js";
import { createLogger } from "../../../src/privacy/logger.js";
import { createMissStore } from "../../../src/privacy/miss-store.js";
import { findProjectRoot } from "../../../src/project-root.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { postAsk, send } from "./web-client.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];
const OUT = join(findProjectRoot(), "test-output");
const NOW = new Date("2026-11-24T10:00:00+09:00");
const TOKEN = "maintainer-test-token-0123456789";
const BEARER = { authorization: `Bearer ${TOKEN}` };

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  server = await startTestServer({ AGENT_TOKEN: TOKEN }, [mountWeb, mountMaintainer], { now: () => NOW });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the maintainers' page", () => {
  it("is behind the agents' token", async () => {
    const res = await send(`${server.url}/maintainer`);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Basic /);
    expect(res.text).not.toContain("未回答");
  });

  it("counts typed questions only (not keystrokes of a question being typed, not picked topics)", async () => {
    for (const text of ["停電で資格確認できない", "別人の情報が表示された", "コールセンターの電話番号"]) {
      expect((await postAsk(server.url, { text }, BEARER)).status).toBe(200);
    }
    for (const text of ["今日のランチのおすすめ", "今日のランチの おすすめ"])
      expect((await postAsk(server.url, { text }, BEARER)).status).toBe(200);
    await postAsk(server.url, { text: "停", typing: true }, BEARER);
    await postAsk(server.url, { text: "", topic: "1-2" }, BEARER);
    expect(server.counts.snapshot().get("2026-11-24")).toEqual({ answered: 3, unanswered: 2 });
  });

  it("draws answered / unanswered / 👎 per day, lists misses (masked), 👎 topics and low-confidence answers, in Chromium with no CSP violation", async () => {
    // 👎 arrive from Teams and Slack buttons; here they are appended to the same store file.
    const feedback = createMissStore({
      logger: createLogger({ level: "silent" }),
      path: server.storePath,
      now: () => NOW,
    });
    feedback.recordFeedback({ channel: "teams", topic: "1-2", helpful: false });
    feedback.recordFeedback({ channel: "slack", topic: "1-2", helpful: false });
    feedback.recordFeedback({ channel: "slack", topic: "2-4", helpful: true });
    feedback.recordMiss({ channel: "web", text: "個人番号 123456789018 の患者", topic: "none", confidence: 0 });
    feedback.recordMiss({ channel: "web", text: "カードリーダーが少し変", topic: "3-reader", confidence: 0.3 });
    feedback.close();

    const context = await browser.newContext({
      httpCredentials: { username: "保守", password: TOKEN },
      viewport: { width: 900, height: 1100 },
      locale: "ja-JP",
    });
    await context.addInitScript({
      content: `window.cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(e.violatedDirective));`,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}/maintainer`);

    const bar = (series: string) => page.locator(`#day-chart rect[data-day="2026-11-24"][data-series="${series}"]`);
    expect(await bar("answered").getAttribute("data-value")).toBe("3");
    expect(await bar("unanswered").getAttribute("data-value")).toBe("2");
    expect(await bar("notHelpful").getAttribute("data-value")).toBe("2");
    expect(Number(await bar("answered").getAttribute("height"))).toBeGreaterThan(
      Number(await bar("unanswered").getAttribute("height")),
    );
    expect(await page.locator("#day-chart rect[data-series=answered]").count()).toBe(14);

    const misses = await page.locator("#misses").textContent();
    expect(misses).toContain("今日のランチのおすすめ");
    expect(misses).not.toContain("123456789018");
    expect(await page.locator("#misses tbody tr").first().textContent()).toMatch(/^2/);
    expect(await page.locator("#disliked tbody tr").first().textContent()).toContain(
      "1-② 「無効」「該当資格なし」と表示された",
    );
    expect(await page.locator("#low-confidence tbody tr").first().textContent()).toBe(
      "2026-11-24カードリーダーが少し変3 顔認証付きカードリーダーのお問い合わせ（メーカー別窓口）0.30",
    );

    await page.screenshot({ path: join(OUT, "maintainer-page.png"), fullPage: true });
    expect(await page.evaluate<string[]>("window.cspViolations")).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
    await context.close();
  });
});

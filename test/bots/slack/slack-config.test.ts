import { describe, expect, it } from "vitest";
import { mountSlack } from "../../../src/bots/slack/mount-slack.js";
import { readConfig } from "../../../src/config.js";
import { startTestServer } from "../../helpers/test-server.js";
import { BOT_TOKEN, eventBody, mention, postSigned, SIGNING_SECRET } from "./slack-requests.js";

describe("Slack configuration", () => {
  it("refuses a half configuration, naming the missing variable", () => {
    const onlyToken = readConfig({ SLACK_BOT_TOKEN: BOT_TOKEN });
    expect(onlyToken.ok).toBe(false);
    if (!onlyToken.ok) expect(onlyToken.message).toContain("SLACK_SIGNING_SECRET");

    const onlySecret = readConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(onlySecret.ok).toBe(false);
    if (!onlySecret.ok) expect(onlySecret.message).toContain("SLACK_BOT_TOKEN");

    const onlyAppToken = readConfig({ SLACK_APP_TOKEN: "xapp-1-test" });
    expect(onlyAppToken.ok).toBe(false);
    if (!onlyAppToken.ok) expect(onlyAppToken.message).toMatch(/SLACK_BOT_TOKEN[\s\S]*SLACK_SIGNING_SECRET/);
  });

  it("refuses a user token in place of the bot token", () => {
    const wrong = readConfig({ SLACK_BOT_TOKEN: "xoxp-user", SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toContain("xoxb-");
  });

  it("mounts nothing when Slack is not configured", async () => {
    const server = await startTestServer({}, [mountSlack]);
    try {
      expect(server.channels).toHaveLength(0);
      expect((await postSigned(server.url, eventBody(mention("無効")))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

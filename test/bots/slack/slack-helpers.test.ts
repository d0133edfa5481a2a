import { Writable } from "node:stream";
import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/bots/slack/bolt-logger.js";
import { createLogger } from "../../../src/privacy/logger.js";

describe("createBoltLogger", () => {
  it("drops info and debug, keeps warnings and errors without SDK payloads", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString("utf8"));
        cb();
      },
    });
    const log = createBoltLogger(createLogger({ level: "debug", destination }));
    log.debug('http request body: {"text":"患者さんの質問"}');
    log.info("ack() response sent");
    log.setLevel(webApi.LogLevel.DEBUG);
    expect(log.getLevel()).toBe(webApi.LogLevel.WARN);
    const err = Object.assign(new Error("An API error occurred: channel_not_found"), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "channel_not_found", response_metadata: { messages: ["secret body"] } },
    });
    log.error("Slack API error: channel_not_found", err, { text: "患者さんの質問" });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 50, msg: "slack: Slack API error: channel_not_found" });
    expect(lines[0]).toContain("channel_not_found");
    expect(lines[0]).not.toContain("患者さんの質問");
    expect(lines[0]).not.toContain("secret body");
  });
});

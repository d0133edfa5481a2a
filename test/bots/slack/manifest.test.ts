import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMAND } from "../../../src/bots/slack/on-command.js";
import { LOOKUP_CALLBACK_ID } from "../../../src/bots/slack/on-shortcut.js";
import { SLACK_EVENTS_PATH } from "../../../src/bots/slack/slack-route.js";
import { suggestedPrompts } from "../../../src/bots/slack/suggested-prompts.js";
import type { Core } from "../../../src/core.js";
import { findProjectRoot } from "../../../src/project-root.js";
import { sharedCore } from "../../helpers/test-server.js";

interface SlackManifest {
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    agent_view: { agent_description: string; suggested_prompts: { title: string; message: string }[] };
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    slash_commands: { command: string; url: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const root = findProjectRoot();
const manifest = parse(readFileSync(join(root, "manifest/slack/manifest.yml"), "utf8")) as SlackManifest;
const URL = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;

// ajv-formats is CommonJS with a default export; under NodeNext the function sits on `.default`.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };

/** Slack's published schema (slackapi/manifest-schema, vendored: test/fixtures/schemas/slack/README.md). */
function slackSchema() {
  const file = join(root, "test/fixtures/schemas/slack/manifest.schema.1.0.0.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  delete schema.$schema; // draft-07 is Ajv 8's default dialect
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe("manifest/slack/manifest.yml against Slack's published schema", () => {
  const validate = slackSchema();

  it("is valid", () => {
    expect(validate(manifest), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it("the schema refuses what Slack refuses (five suggested prompts, an unknown feature)", () => {
    const prompts = Array.from({ length: 5 }, (_, i) => ({ title: `t${i}`, message: `m${i}` }));
    const tooMany = { ...manifest, features: { ...manifest.features, agent_view: { suggested_prompts: prompts } } };
    expect(validate(tooMany)).toBe(false);
    expect(validate({ ...manifest, features: { ...manifest.features, assistant: {} } })).toBe(false);
  });
});

describe("manifest/slack/manifest.yml", () => {
  let core: Core;
  beforeAll(async () => {
    core = await sharedCore();
  });

  it("uses the agent messaging experience (agent_view, not the legacy assistant_view), with the server's prompts", () => {
    const features = manifest.features as Record<string, unknown>;
    expect(features.assistant_view).toBeUndefined();
    expect(manifest.features.agent_view.suggested_prompts).toEqual(suggestedPrompts(core.kb));
    expect(manifest.settings.event_subscriptions.bot_events).not.toContain("assistant_thread_started");
  });

  it("offers the message shortcut 「ガイドで調べる」 the server listens for", () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: "ガイドで調べる", type: "message", callback_id: LOOKUP_CALLBACK_ID }),
    ]);
  });

  it("keeps Slack's limits on the display information", () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it("asks for exactly the scopes and events the listeners use", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["app_mentions:read", "assistant:write", "chat:write", "commands", "im:history", "im:read", "im:write"].sort(),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      "app_home_opened",
      "app_mention",
      "message.im",
    ]);
  });

  it("sends events, the command and interactivity to the one URL the server mounts", () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe(URL);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: URL });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLASH_COMMAND, url: URL })]);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("turns the Home tab and the Messages tab on", () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });
});

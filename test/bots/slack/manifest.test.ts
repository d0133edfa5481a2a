import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMAND } from "../../../src/bots/slack/on-command.js";
import { SLACK_EVENTS_PATH } from "../../../src/bots/slack/slack-route.js";
import { findProjectRoot } from "../../../src/project-root.js";

interface SlackManifest {
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(findProjectRoot(), "manifest/slack/manifest.yml"), "utf8")) as SlackManifest;
const URL = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;

describe("manifest/slack/manifest.yml", () => {
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
      ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"].sort(),
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

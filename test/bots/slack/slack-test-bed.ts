import { afterAll, beforeAll } from "vitest";
import { mountSlack } from "../../../src/bots/slack/mount-slack.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./slack-requests.js";

/**
 * For the whole test file: the fake Slack Web API and the real server with Slack mounted on it
 * (HTTP mode, signed requests). `started` receives both once they listen; both close after the file.
 */
export function useSlackTestBed(started: (fake: FakeSlackApi, server: TestServer) => void): void {
  let fake: FakeSlackApi | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    server = await startTestServer(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl },
      [mountSlack],
    );
    started(fake, server);
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
}

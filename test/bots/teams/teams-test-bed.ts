import { afterAll, beforeAll } from "vitest";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { type FakeConnector, startFakeConnector } from "./fake-connector.js";

/**
 * For the whole test file: the fake Bot Connector and the real server with Teams mounted on it (no
 * MicrosoftAppId: authentication off). `started` receives both once they listen; both close after the file.
 */
export function useTeamsTestBed(started: (fake: FakeConnector, server: TestServer) => void): void {
  let fake: FakeConnector | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    fake = await startFakeConnector();
    server = await startTestServer({}, [mountTeams]);
    started(fake, server);
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
}

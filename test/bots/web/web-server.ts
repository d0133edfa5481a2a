import { afterEach } from "vitest";
import { mountWeb } from "../../../src/bots/web/mount-web.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

/**
 * A server with the agents' page and API, one per test: call the returned `start(env)` in a test; the
 * server is closed after it.
 */
export function webServerPerTest(): (env?: Record<string, string>) => Promise<TestServer> {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (env = {}) => {
    server = await startTestServer(env, [mountWeb]);
    return server;
  };
}

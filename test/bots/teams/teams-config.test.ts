import { describe, expect, it } from "vitest";
import { readConfig, readTeamsPackageConfig } from "../../../src/config.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "99999999-8888-7777-6666-555555555555";

describe("Teams configuration (Azure Bot as it is created since 2025-07-31)", () => {
  it("defaults MicrosoftAppType to SingleTenant", () => {
    const configured = readConfig({});
    expect(configured.ok && configured.config.MicrosoftAppType).toBe("SingleTenant");
  });

  it("asks for the tenant ID of a SingleTenant or managed identity bot, naming the variable", () => {
    for (const env of [
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret" },
      { MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI" },
    ]) {
      const configured = readConfig(env);
      expect(configured.ok).toBe(false);
      if (!configured.ok) expect(configured.message).toContain("MicrosoftAppTenantId");
    }
    expect(
      readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret", MicrosoftAppTenantId: TENANT_ID }).ok,
    ).toBe(true);
    expect(
      readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppTenantId: TENANT_ID }).ok,
    ).toBe(true);
  });

  it("still accepts a MultiTenant registration (made before 2025-07-31) without a tenant ID", () => {
    const configured = readConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "secret",
      MicrosoftAppType: "MultiTenant",
    });
    expect(configured.ok && configured.config.MicrosoftAppType).toBe("MultiTenant");
  });

  it("refuses an app type Azure never had", () => {
    const configured = readConfig({ MicrosoftAppType: "Multitenant-ish" });
    expect(configured.ok).toBe(false);
    if (!configured.ok) expect(configured.message).toContain("MicrosoftAppType");
  });
});

describe("Teams app package configuration (npm run manifest:teams)", () => {
  it("needs the app ID only: no password, tenant or app type", () => {
    expect(readTeamsPackageConfig({ MicrosoftAppId: APP_ID.toUpperCase() })).toEqual({ ok: true, appId: APP_ID });
  });

  it("names MicrosoftAppId when it is missing or not a GUID", () => {
    for (const env of [{}, { MicrosoftAppId: "  " }, { MicrosoftAppId: "not-a-guid" }]) {
      const configured = readTeamsPackageConfig(env);
      expect(configured.ok).toBe(false);
      if (!configured.ok) expect(configured.message).toMatch(/^設定エラー: MicrosoftAppId: /u);
    }
  });
});

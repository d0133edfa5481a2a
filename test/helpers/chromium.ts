import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { prerequisiteMissing } from "./prerequisite.js";

/** Debian's chromium (apt-get install chromium); playwright's own browser download is not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium, or fails with one line saying how to install it. Browser tests never skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw prerequisiteMissing(
      `The browser tests need Debian's chromium at ${CHROMIUM}: sudo apt-get install -y chromium (or set CHROMIUM_PATH). They never skip.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

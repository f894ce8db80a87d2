import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where a Chromium may be: CHROMIUM_PATH, else Debian's and Ubuntu's package paths. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  return CANDIDATES.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

/**
 * Headless Chromium as CI runs it: no sandbox (CI runs as root), no GPU, nothing fetched from the
 * network on its own, a fresh profile each time.
 */
export async function launchChromium(executablePath: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-chromium-'));
  // Each page of the context is a tab: its own sessionStorage, so its own sign-in.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Screenshots of each page, kept after the run (.data/ is not committed). */
export const ARTEFACTS = path.resolve(__dirname, '..', '..', '.data', 'test-artefacts', 'console');

import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Chromium flags that keep a headless browser quiet on a machine without outside network
 * (see ../shared/TOOLCHAIN.md): background services would otherwise flood refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Which Chromium to launch: `OPENMEDIA_CHROMIUM` when set, else Playwright's own browser when one
 * is installed, else Debian's `/usr/bin/chromium`. Fails with a message that says how to get one.
 */
export function resolveChromium(): string {
  const explicit = process.env.OPENMEDIA_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`OPENMEDIA_CHROMIUM=${explicit} does not exist.`);
    return explicit;
  }
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No Chromium found. Install one (Debian: `apt-get install -y chromium`), ' +
      'or `npx playwright install chromium` where downloads work, or set OPENMEDIA_CHROMIUM=/path/to/chrome.',
  );
}

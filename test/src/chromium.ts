/**
 * Debian Chromium driven by playwright-core: a fresh persistent profile (extensions load only in one), new
 * headless mode, every request outside 127.0.0.1 sent to the network guard's trap and aborted.
 * Recipe: ../shared/recipes/REAL-CLIENT-TESTS.md 1.3 (step 5) and 2.1.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import type { NetworkGuard } from './network-guard.ts';
import { requireProgram } from './paths.ts';
import { makeTempDir } from './temp-dir.ts';

const CLOSED = 'http://127.0.0.1:9';

/**
 * The browser's own background traffic (updaters, sign-in, autofill, safe browsing) is switched off or pointed
 * at a closed loopback port: the network guard counts any request that leaves 127.0.0.1, the browser's too.
 */
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--disable-features=OptimizationHints,AutofillServerCommunication,MediaRouter,Translate,CertificateTransparencyComponentUpdater,SafeBrowsing,NetworkTimeServiceQuerying',
  `--component-updater=url-source=${CLOSED}`,
  `--apps-gallery-update-url=${CLOSED}`,
  `--gaia-url=${CLOSED}`,
  `--google-apis-url=${CLOSED}`,
  `--google-base-url=${CLOSED}`,
];

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { guard: NetworkGuard; extensionDir?: string }): Promise<ChromiumSession> {
  const executablePath = requireProgram('chromium', 'chromium');
  const profile = await makeTempDir('chromium');
  const args = [...QUIET_ARGS, `--proxy-server=${options.guard.proxyUrl}`];
  if (options.extensionDir) args.push(`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.path, { executablePath, headless: true, args });
  } catch (error) {
    await profile.remove();
    throw error;
  }
  await options.guard.guardContext(context);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await profile.remove();
    },
  };
}

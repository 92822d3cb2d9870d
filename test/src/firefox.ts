/**
 * Debian Firefox ESR driven by puppeteer-core over WebDriver BiDi (no geckodriver), headless, with every
 * non-loopback request sent to the network guard's trap proxy. Extensions install as temporary add-ons.
 * Recipe: ../shared/recipes/REAL-CLIENT-TESTS.md 2.2.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import type { NetworkGuard } from './network-guard.ts';
import { requireProgram } from './paths.ts';

export interface FirefoxSession {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(options: { guard: NetworkGuard }): Promise<FirefoxSession> {
  const executablePath = requireProgram('firefox-esr', 'firefox-esr');
  const port = options.guard.proxyPort;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Release builds honour services.settings.server only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // Firefox's own background services, pointed at a closed loopback port or switched off: the guard
      // counts the browser's requests too.
      'services.settings.server': 'http://127.0.0.1:9/v1',
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'extensions.systemAddon.update.enabled': false,
      'app.normandy.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': 'http://127.0.0.1:9',
      'browser.region.network.url': '',
      'browser.region.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.healthreport.uploadEnabled': false,
    },
  });
  return {
    browser,
    async close() {
      // puppeteer removes the temporary profile it created when the browser closes.
      await browser.close().catch(() => undefined);
    },
  };
}

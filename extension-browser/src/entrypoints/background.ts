import { browser, defineBackground } from '#imports';
import bundled from 'virtual:wheelhouse-bundled-catalogue';
import { BackgroundService } from '../features/background-service';
import { buildIndex } from '@wheelhouse/shared/matching';
import { CatalogueStore } from '../features/catalogue-store';
import { createLocalMatcher } from '../features/local-matcher';
import { syncLoopbackScript } from '../features/loopback';
import { browserCatalogueCache } from '../utils/catalogue-cache';
import { isWheelhouseRequest } from '../utils/messages';
import { browserPageStore } from '../utils/page-storage';
import { getSettings, settingsItem } from '../utils/storage';

const REFRESH_ALARM = 'wheelhouse-refresh';

export default defineBackground(() => {
  const store = new CatalogueStore({
    bundled,
    buildIndex,
    cache: browserCatalogueCache,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
  });
  const service = new BackgroundService({
    store,
    createMatcher: createLocalMatcher,
    getSettings,
    pages: browserPageStore,
    injectOnDemand: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/on-demand.js'] });
    },
    // The page's own linked data (host permissions for the sites whose adapter reads one: wxt.config.ts).
    fetchLinked: (url, init) => fetch(url, init),
  });

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    if (!isWheelhouseRequest(message)) return false;
    service.handle(message).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  });

  // Refresh on a timer only: the bundled copy is current at install, and an idle browser makes no requests.
  const schedule = async () => {
    const settings = await getSettings();
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: settings.refreshHours * 60 });
    await syncLoopbackScript(browser, settings.loopback);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void getSettings().then((s) => store.refresh(s.catalogueUrl));
  });
  settingsItem.watch(() => void schedule());
  browser.runtime.onInstalled.addListener(() => void schedule());
  browser.runtime.onStartup.addListener(() => void schedule());
});

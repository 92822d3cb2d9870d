import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPageStore, DISMISSED_KEY } from './page-storage';

beforeEach(() => fakeBrowser.reset());

describe('browserPageStore', () => {
  it('defaults to nothing hidden and expanded, and round-trips', async () => {
    expect(await browserPageStore.getDismissed()).toEqual({ pages: [], hosts: [] });
    expect(await browserPageStore.getCollapsed()).toBe(false);
    await browserPageStore.setDismissed({ pages: ['https://a.example/x'], hosts: ['b.example'] });
    await browserPageStore.setCollapsed(true);
    expect(await browserPageStore.getDismissed()).toEqual({ pages: ['https://a.example/x'], hosts: ['b.example'] });
    expect(await browserPageStore.getCollapsed()).toBe(true);
  });

  it('ignores malformed stored values', async () => {
    await fakeBrowser.storage.local.set({ [DISMISSED_KEY]: { pages: 'all', hosts: [1, 'c.example'] } });
    expect(await browserPageStore.getDismissed()).toEqual({ pages: [], hosts: ['c.example'] });
  });
});

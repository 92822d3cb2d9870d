import { afterEach, describe, expect, it } from 'vitest';
import { startSiteScript, watchLocation } from './site-script';
import { scriptedSend } from './testing';
import { github } from '../adapters/github';

const controllers: AbortController[] = [];
afterEach(() => {
  controllers.forEach((c) => c.abort());
  history.replaceState({}, '', '/');
});

describe('startSiteScript', () => {
  it('stops when a newer copy of the script starts on the same page (extension reloaded or updated)', () => {
    // No adapter serves jsdom's page: nothing is checked, so nothing is sent.
    const send = scriptedSend(() => ({ disabled: false, suggestions: [] }));
    const older = startSiteScript({ window, adapters: [], send });
    expect(older.aborted).toBe(false);
    const newer = startSiteScript({ window, adapters: [], send });
    expect(older.aborted).toBe(true);
    expect(newer.aborted).toBe(false);
    // Another site's script starting does not stop it.
    const other = startSiteScript({ window, adapters: [github], send });
    expect(newer.aborted).toBe(false);
    expect(other.aborted).toBe(false);
  });
});

describe('watchLocation', () => {
  it('looks at the location after a Navigation API navigate event, once the URL has changed', async () => {
    const navigation = new EventTarget();
    const win = Object.assign(Object.create(window) as Window, { navigation, location: window.location });
    const controller = new AbortController();
    controllers.push(controller);
    const seen: string[] = [];
    watchLocation(win, () => seen.push(window.location.pathname), controller.signal);
    navigation.dispatchEvent(new Event('navigate'));
    history.pushState({}, '', '/next');
    await Promise.resolve();
    expect(seen).toEqual(['/next']);
    controller.abort();
    navigation.dispatchEvent(new Event('navigate'));
    await Promise.resolve();
    expect(seen).toEqual(['/next']);
  });
});

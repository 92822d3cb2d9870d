import { afterEach, describe, expect, it } from 'vitest';
import { startSiteScript } from './site-script';
import { SITE_SCRIPT_STARTED, SOFT_NAVIGATION, watchLocation } from './soft-navigation';
import { scriptedSend } from './testing';
import { findATender } from '../adapters/find-a-tender';
import { github } from '../adapters/github';
import { gitlab } from '../adapters/gitlab';

const controllers: AbortController[] = [];
afterEach(() => {
  controllers.forEach((c) => c.abort());
  history.replaceState({}, '', '/');
});

describe('startSiteScript', () => {
  // No adapter serves jsdom's page (http://localhost:3000/): nothing is checked, so nothing is sent.
  const send = scriptedSend(() => ({ disabled: false, suggestions: [] }));

  it('a listening copy stops when a newer copy of the script starts on the same page (extension reloaded or updated)', () => {
    const older = startSiteScript({ window, adapters: [github], send, softNavigation: SOFT_NAVIGATION });
    expect(older.aborted).toBe(false);
    const newer = startSiteScript({ window, adapters: [github], send, softNavigation: SOFT_NAVIGATION });
    expect(older.aborted).toBe(true);
    expect(newer.aborted).toBe(false);
    // Another site's script starting does not stop it.
    const other = startSiteScript({ window, adapters: [gitlab], send, softNavigation: SOFT_NAVIGATION });
    expect(newer.aborted).toBe(false);
    expect(other.aborted).toBe(false);
  });

  it("a server-rendered site's script, which listens to nothing after its one check, takes no part", () => {
    const started: unknown[] = [];
    const listening = new AbortController();
    controllers.push(listening);
    document.addEventListener(SITE_SCRIPT_STARTED, (e) => started.push((e as CustomEvent).detail), { signal: listening.signal });
    const older = startSiteScript({ window, adapters: [findATender], send });
    const newer = startSiteScript({ window, adapters: [findATender], send });
    expect(started).toEqual([]);
    expect(older.aborted).toBe(false);
    expect(newer.aborted).toBe(false);
  });

  it('refuses to start a softly navigating site without soft-navigation support (an entry point would miss it)', () => {
    expect(() => startSiteScript({ window, adapters: [github], send })).toThrow(/needs softNavigation/);
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

import { describe, expect, it } from 'vitest';
import type { browser as Browser } from '#imports';
import { syncLoopbackScript } from './loopback';

/** Just the scripting/permissions calls the testing switch makes, recorded. */
function fakeApis(granted: boolean, registered: string[] = []) {
  const calls: string[] = [];
  const apis = {
    permissions: { contains: () => Promise.resolve(granted) },
    scripting: {
      getRegisteredContentScripts: ({ ids }: { ids: string[] }) => Promise.resolve(registered.filter((r) => ids.includes(r)).map((id) => ({ id }))),
      registerContentScripts: (scripts: { id: string; matches: string[] }[]) => {
        calls.push(`register ${scripts.map((s) => `${s.id} ${s.matches.join(' ')}`).join()}`);
        return Promise.resolve();
      },
      unregisterContentScripts: ({ ids }: { ids: string[] }) => {
        calls.push(`unregister ${ids.join()}`);
        return Promise.resolve();
      },
    },
  };
  return { calls, browser: apis as unknown as typeof Browser };
}

describe('syncLoopbackScript (the testing switch of the real build)', () => {
  it('registers the content script for 127.0.0.1 and localhost when switched on and permitted', async () => {
    const { calls, browser } = fakeApis(true);
    await syncLoopbackScript(browser, true);
    expect(calls).toEqual(['register wheelhouse-loopback http://127.0.0.1/* http://localhost/*']);
  });

  it('does nothing without the permission, and unregisters when switched off', async () => {
    const denied = fakeApis(false);
    await syncLoopbackScript(denied.browser, true);
    expect(denied.calls).toEqual([]);
    const on = fakeApis(true, ['wheelhouse-loopback']);
    await syncLoopbackScript(on.browser, false);
    expect(on.calls).toEqual(['unregister wheelhouse-loopback']);
  });
});

import { describe, expect, it } from 'vitest';
import { isLoopback, pageKey, servedUrl, siteUrl } from './site-url';
import { safeHttpUrl } from './suggestion';
import { getSettings, settingsItem, DEFAULT_SETTINGS } from './storage';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => fakeBrowser.reset());

describe('servedUrl', () => {
  it('maps a site URL back to where a loopback test page serves it, and leaves real pages alone', () => {
    const loopback = new URL('http://127.0.0.1:4321/www.find-tender.service.gov.uk/Notice/012345-2024');
    const link = new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage?x=1');
    expect(servedUrl(link, loopback).href).toBe('http://127.0.0.1:4321/www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage?x=1');
    expect(servedUrl(new URL('https://other.example/a'), loopback).href).toBe('https://other.example/a');
    expect(servedUrl(link, new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024')).href).toBe(link.href);
  });
});

describe('siteUrl', () => {
  it('maps loopback test pages to the site they stand for', () => {
    const mapped = siteUrl(new URL('http://127.0.0.1:4321/www.find-tender.service.gov.uk/Notice/012345-2024?origin=x'));
    expect(mapped.href).toBe('https://www.find-tender.service.gov.uk/Notice/012345-2024?origin=x');
    expect(siteUrl(new URL('http://localhost:9/github.com/a/b')).href).toBe('https://github.com/a/b');
  });
  it('leaves real pages and unmapped loopback paths alone', () => {
    expect(siteUrl(new URL('https://github.com/a/b')).href).toBe('https://github.com/a/b');
    expect(siteUrl(new URL('http://127.0.0.1:4321/generic')).href).toBe('http://127.0.0.1:4321/generic');
    expect(isLoopback(new URL('https://127.0.0.1/'))).toBe(false);
  });
  it('keys pages without query or fragment', () => {
    expect(pageKey(new URL('https://a.example/x?y=1#z'))).toBe('https://a.example/x');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) only', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl(' javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(42)).toBeUndefined();
  });
});

describe('settings', () => {
  it('fall back to defaults when stored settings are invalid', async () => {
    await settingsItem.setValue({ refreshHours: 'often', loopback: 'yes' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.loopback).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { OVERLAY_ATTRIBUTE } from './overlay';
import type { PageCheckResult } from './page-check';
import { startSiteChecks } from './site-checks';
import { createSoftNavigation, SOFT_NAVIGATION } from './soft-navigation';
import { scriptedSend, suggestionFor } from './testing';
import type { PageNeed } from '../adapters/types';
import { GENERIC_ADAPTER, SITE_ADAPTERS } from '../adapters';

const ALL_ADAPTERS = { adapters: SITE_ADAPTERS, generic: GENERIC_ADAPTER, softNavigation: SOFT_NAVIGATION };

function sidebar(about: string) {
  return `<div class="BorderGrid"><div class="BorderGrid-row"><div class="BorderGrid-cell"><h2>About</h2><p class="f4">${about}</p></div></div></div>`;
}

const controllers: AbortController[] = [];
afterEach(() => {
  controllers.forEach((c) => c.abort());
  history.replaceState({}, '', '/');
});

function nextResult(results: PageCheckResult[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (results.length >= count ? resolve() : setTimeout(tick, 5));
    tick();
  });
}

describe('startSiteChecks', () => {
  it('runs on loopback pages standing for a site, and re-runs after GitHub soft navigation', async () => {
    // jsdom serves at http://localhost:3000 (vitest), a loopback address: the path names the site.
    history.replaceState({}, '', '/github.com/NHSDigital/nhs-notify');
    document.body.innerHTML = `<main><h1>repo</h1><div class="PageLayout-Pane" id="pane">${sidebar('Send messages to patients.')}</div></main>`;
    const send = scriptedSend((req) => ({
      disabled: false,
      suggestions: req.type === 'wheelhouse/match' ? [suggestionFor(req.need.title.replace('/', '-'))] : [],
    }));
    const results: PageCheckResult[] = [];
    const controller = new AbortController();
    controllers.push(controller);
    startSiteChecks({ window, ...ALL_ADAPTERS, send, signal: controller.signal, onResult: (r) => results.push(r) });
    await nextResult(results, 1);
    expect(results[0]?.outcome).toBe('shown');
    expect(results[0]?.need).toMatchObject({ adapter: 'github', url: 'https://github.com/NHSDigital/nhs-notify' });

    history.pushState({}, '', '/github.com/NHSDigital/gpconnect-appointment-checker');
    document.getElementById('pane')!.innerHTML = sidebar('Check GP Connect appointment configuration.');
    document.dispatchEvent(new Event('turbo:render'));
    await nextResult(results, 2);
    const needs = results.map((r) => r.need as PageNeed);
    expect(needs[1]).toMatchObject({ title: 'NHSDigital/gpconnect-appointment-checker', description: 'Check GP Connect appointment configuration.' });
    const hosts = document.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.shadowRoot?.querySelector('[data-component-id]')?.getAttribute('data-component-id')).toBe(
      'NHSDigital-gpconnect-appointment-checker',
    );
  });

  it('reads the page and sends its one message at start-up, in the same task (no idle callback: issue 9)', () => {
    history.replaceState({}, '', '/github.com/NHSDigital/nhs-notify');
    document.body.innerHTML = `<main><h1>repo</h1><div class="PageLayout-Pane">${sidebar('Send messages to patients.')}</div></main>`;
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('nhs-notify-api')] }));
    const controller = new AbortController();
    controllers.push(controller);
    startSiteChecks({ window, ...ALL_ADAPTERS, send, signal: controller.signal });
    expect(send.requests).toHaveLength(1);
  });

  it('does nothing on pages no adapter reads (a repository issue list)', async () => {
    history.replaceState({}, '', '/github.com/NHSDigital/nhs-notify/issues');
    document.body.innerHTML = '<main><h1>Issues</h1></main>';
    const send = scriptedSend(() => ({ disabled: false, suggestions: [] }));
    const controller = new AbortController();
    controllers.push(controller);
    startSiteChecks({ window, ...ALL_ADAPTERS, send, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    expect(send.requests).toHaveLength(0);
  });

  it('follows the location on softly navigating sites, ignoring fragment changes', async () => {
    history.replaceState({}, '', '/github.com/NHSDigital/nhs-notify');
    document.body.innerHTML = `<main><h1>repo</h1><div class="PageLayout-Pane">${sidebar('Send messages to patients.')}</div></main>`;
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('nhs-notify-api')] }));
    const controller = new AbortController();
    controllers.push(controller);
    const results: PageCheckResult[] = [];
    let locationChanged: (() => void) | undefined;
    startSiteChecks({
      window,
      ...ALL_ADAPTERS,
      send,
      signal: controller.signal,
      softNavigation: createSoftNavigation((_win, onChange) => (locationChanged = onChange)),
      onResult: (r) => results.push(r),
    });
    await nextResult(results, 1);
    history.pushState({}, '', '/github.com/NHSDigital/nhs-notify#readme');
    locationChanged!();
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState({}, '', '/github.com/NHSDigital/gpconnect-appointment-checker');
    locationChanged!();
    await nextResult(results, 2);
    expect(send.requests.map((r) => r.type === 'wheelhouse/match' && r.need.url)).toEqual([
      'https://github.com/NHSDigital/nhs-notify',
      'https://github.com/NHSDigital/gpconnect-appointment-checker',
    ]);
  });

  it('checks a server-rendered site once per page load: no listeners, no location watcher', async () => {
    history.replaceState({}, '', '/www.find-tender.service.gov.uk/Notice/012345-2024');
    document.body.innerHTML = '<main><h1>Patient referral system</h1><h4>II.1.4) Short description</h4><p>Referrals.</p></main>';
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('ers-fhir-api')] }));
    const controller = new AbortController();
    controllers.push(controller);
    const results: PageCheckResult[] = [];
    let watched = false;
    startSiteChecks({ window, ...ALL_ADAPTERS, send, signal: controller.signal, softNavigation: createSoftNavigation(() => (watched = true)), onResult: (r) => results.push(r) });
    await nextResult(results, 1);
    history.pushState({}, '', '/www.find-tender.service.gov.uk/Notice/054321-2025');
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.dispatchEvent(new Event('turbo:render'));
    await new Promise((r) => setTimeout(r, 50));
    expect(watched).toBe(false);
    expect(send.requests.filter((r) => r.type === 'wheelhouse/match')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { github } from '../adapters/github';
import { findATender } from '../adapters/find-a-tender';
import { fixtureHtml } from '../adapters/fixture.testing';
import { OVERLAY_ATTRIBUTE } from './overlay';
import { runPageCheck, type PageCheckInput } from './page-check';
import { SOFT_NAVIGATION } from './soft-navigation';
import { scriptedSend, suggestionFor } from './testing';

const location = new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024');

function input(over: Partial<PageCheckInput> = {}): PageCheckInput {
  return {
    document,
    adapter: findATender,
    url: location,
    location,
    send: scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('ers-fhir-api')] })),
    signal: new AbortController().signal,
    showEmpty: false,
    ...over,
  };
}

function loadPage(name: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixtureHtml(name), 'text/html').documentElement.innerHTML;
}

describe('runPageCheck', () => {
  it('extracts the need, asks the background, and shows the overlay after the title', async () => {
    loadPage('find-a-tender-old');
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('ers-fhir-api')] }));
    const result = await runPageCheck(input({ send }));
    expect(result.outcome).toBe('shown');
    expect(send.requests).toHaveLength(1);
    expect(send.requests[0]).toMatchObject({
      type: 'wheelhouse/match',
      need: { title: 'Electronic Referral Management System' },
      page: { key: 'https://www.find-tender.service.gov.uk/Notice/012345-2024', host: 'www.find-tender.service.gov.uk' },
      ignoreDismissed: false,
    });
    const host = document.querySelector(`[${OVERLAY_ATTRIBUTE}]`);
    expect(host?.previousElementSibling?.tagName).toBe('H1');
    expect(host?.shadowRoot?.querySelector('[data-component-id="ers-fhir-api"]')).not.toBeNull();
    expect(result.workMs).toBeGreaterThanOrEqual(0);
  });

  it("names the notice's linked OCDS data in its request only when the markup lacks a field (the background reads it)", async () => {
    loadPage('find-a-tender-old');
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('ers-fhir-api')] }));
    await runPageCheck(input({ send }));
    expect(send.requests[0]).not.toHaveProperty('linked');
    loadPage('find-a-tender-sparse');
    const sparse = new URL('https://www.find-tender.service.gov.uk/Notice/067890-2024');
    await runPageCheck(input({ send, url: sparse, location: sparse }));
    expect(send.requests[1]).toMatchObject({ linked: 'https://www.find-tender.service.gov.uk/Notice/067890-2024/OCDS/ReleasePackage' });
  });

  it('shows nothing when nothing matched, unless asked to (toolbar / loopback)', async () => {
    loadPage('find-a-tender-old');
    const empty = scriptedSend(() => ({ disabled: false, suggestions: [] }));
    expect((await runPageCheck(input({ send: empty }))).outcome).toBe('no-suggestions');
    expect(document.querySelector(`[${OVERLAY_ATTRIBUTE}]`)).toBeNull();
    expect((await runPageCheck(input({ send: empty, showEmpty: true }))).outcome).toBe('shown');
  });

  it('shows nothing when the adapter is switched off or the page/site is hidden', async () => {
    loadPage('find-a-tender-old');
    const off = scriptedSend(() => ({ disabled: true, suggestions: [] }));
    expect((await runPageCheck(input({ send: off }))).outcome).toBe('disabled');
    const hidden = scriptedSend(() => ({ disabled: false, dismissed: true, suggestions: [] }));
    expect((await runPageCheck(input({ send: hidden }))).outcome).toBe('dismissed');
    expect(document.querySelector(`[${OVERLAY_ATTRIBUTE}]`)).toBeNull();
  });

  it('starts collapsed when the background says so, and reports the toggle', async () => {
    loadPage('find-a-tender-old');
    const send = scriptedSend(() => ({ disabled: false, collapsed: true, suggestions: [suggestionFor('x')] }));
    const result = await runPageCheck(input({ send }));
    const toggle = result.overlay!.host.shadowRoot!.querySelector<HTMLButtonElement>('button.wh__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    expect(send.requests.at(-1)).toEqual({ type: 'wheelhouse/collapse', collapsed: false });
  });

  it('asks the background to hide the site and removes the overlay', async () => {
    loadPage('find-a-tender-old');
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('x')] }));
    const result = await runPageCheck(input({ send }));
    const buttons = result.overlay!.host.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.wh__secondary');
    buttons[1]!.click();
    expect(send.requests.at(-1)).toEqual({
      type: 'wheelhouse/hide',
      scope: 'site',
      page: { key: 'https://www.find-tender.service.gov.uk/Notice/012345-2024', host: 'www.find-tender.service.gov.uk' },
    });
    expect(document.querySelector(`[${OVERLAY_ATTRIBUTE}]`)).toBeNull();
  });

  it('waits for content rendered after load (GitHub sidebar) before matching', async () => {
    document.body.innerHTML = '<main><div class="PageLayout-Pane" id="pane"></div></main>';
    const url = new URL('https://github.com/NHSDigital/nhs-notify');
    const send = scriptedSend(() => ({ disabled: false, suggestions: [suggestionFor('nhs-notify-api')] }));
    const pending = runPageCheck(input({ adapter: github, url, location: url, send, waitForContent: SOFT_NAVIGATION.waitForContent }));
    setTimeout(() => {
      document.getElementById('pane')!.innerHTML =
        '<div class="BorderGrid"><div class="BorderGrid-row"><div class="BorderGrid-cell"><h2>About</h2><p class="f4">Send messages to patients.</p></div></div></div>';
    }, 20);
    const result = await pending;
    expect(result.outcome).toBe('shown');
    expect(send.requests[0]).toMatchObject({ need: { description: 'Send messages to patients.' } });
  });

  it('stops when aborted (soft navigation away) and removes its overlay', async () => {
    loadPage('find-a-tender-old');
    const controller = new AbortController();
    const result = await runPageCheck(input({ signal: controller.signal }));
    expect(result.outcome).toBe('shown');
    controller.abort();
    expect(document.querySelector(`[${OVERLAY_ATTRIBUTE}]`)).toBeNull();
  });

  it('never throws on odd markup: an empty page or a throwing adapter finds no need', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<main><h1></h1></main>';
    expect((await runPageCheck(input())).outcome).toBe('no-need');
    const broken = {
      ...findATender,
      extract: () => {
        throw new TypeError('unexpected markup');
      },
    };
    expect((await runPageCheck(input({ adapter: broken }))).outcome).toBe('no-need');
  });
});

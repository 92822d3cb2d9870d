import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Suggestion } from '../utils/suggestion';
import { mountOverlay, OVERLAY_ATTRIBUTE } from './overlay';

function suggestion(over: Partial<Suggestion> = {}): Suggestion {
  return {
    id: 'ers-fhir-api',
    name: 'e-Referral Service FHIR API',
    summary: 'Create and manage referrals.',
    reasons: ['matched: e-RS, referral'],
    licence: 'MIT',
    activity: 'stable · internal maintenance',
    adopters: ['Example Trust'],
    evidence: [{ label: 'DCB0129 (2024-01-01)', url: 'https://example.org/dcb0129' }],
    repoUrl: 'https://github.com/NHSDigital/e-referrals-service-api',
    catalogueUrl: 'https://github.com/o/r/blob/main/catalogue/components/ers-fhir-api.yaml',
    reportUrl: 'https://github.com/o/r/issues/new?title=x',
    score: 10,
    ...over,
  };
}

function mount(suggestions: Suggestion[] = [suggestion()], collapsed = false) {
  const calls = { collapse: vi.fn(), page: vi.fn(), site: vi.fn() };
  const handle = mountOverlay(document, {
    anchor: document.querySelector('h1'),
    suggestions,
    collapsed,
    onCollapse: calls.collapse,
    onHidePage: calls.page,
    onHideSite: calls.site,
  });
  return { handle, calls, root: handle.host.shadowRoot! };
}

beforeEach(() => {
  document.body.innerHTML = '<main><h1>Title</h1><p id="content">Page content</p></main>';
});

describe('overlay', () => {
  it('mounts in the flow after the anchor, with an open shadow root and the test contract', () => {
    const { handle, root } = mount([suggestion(), suggestion({ id: 'bars-fhir-api', name: 'BaRS' })]);
    expect(document.querySelector('h1')?.nextElementSibling).toBe(handle.host);
    expect(handle.host.hasAttribute(OVERLAY_ATTRIBUTE)).toBe(true);
    expect(handle.host.shadowRoot?.mode).toBe('open');
    expect([...root.querySelectorAll('[data-component-id]')].map((e) => e.getAttribute('data-component-id'))).toEqual([
      'ers-fhir-api',
      'bars-fhir-api',
    ]);
    expect(root.textContent).toContain('2 open-source components may already do this');
    expect(root.textContent).toContain('Why it matched');
    expect(root.textContent).toContain('Used by');
    const links = [...root.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(expect.arrayContaining(['Repository', 'Catalogue entry', 'Wrong suggestion?', 'DCB0129 (2024-01-01)']));
    // Positioned in flow, never fixed over the page.
    expect(root.querySelector('style')?.textContent).not.toMatch(/position:\s*(fixed|absolute)/);
  });

  it('renders catalogue text inertly: script tags as text, javascript: URLs as no link', () => {
    const { root } = mount([
        suggestion({
          id: 'evil',
          name: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">',
          summary: '<b>bold</b>',
          repoUrl: 'javascript:window.__pwned=3',
          catalogueUrl: 'data:text/html,<script>1</script>',
          evidence: [{ label: 'x', url: 'JaVaScRiPt:alert(1)' }],
          reportUrl: ' javascript:alert(1)',
        }),
    ]);
    const card = root.querySelector('[data-component-id="evil"]')!;
    expect(card.querySelector('script, img, b')).toBeNull();
    expect(card.querySelector('h3')?.textContent).toBe('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">');
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('is keyboard accessible: labelled region, toggle with aria-expanded, Esc collapses and returns focus', () => {
    const { calls, root } = mount();
    const aside = root.querySelector('aside')!;
    const heading = root.getElementById(aside.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toContain('Already built in the NHS?');
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-controls]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = root.getElementById(toggle.getAttribute('aria-controls')!)!;
    root.querySelector('a')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(body.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(toggle);
    expect(calls.collapse).toHaveBeenCalledWith(true);
    toggle.click();
    expect(body.hidden).toBe(false);
    expect(calls.collapse).toHaveBeenLastCalledWith(false);
  });

  it('is mounted complete, in its ready state (the test contract)', () => {
    const { handle } = mount();
    expect(handle.host.dataset.state).toBe('ready');
    expect(handle.host.shadowRoot?.querySelector('[data-component-id]')?.getAttribute('data-component-id')).toBe('ers-fhir-api');
  });

  it('starts collapsed when the user collapsed it before', () => {
    const { root } = mount([suggestion()], true);
    expect(root.querySelector('button[aria-controls]')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers hide on this page / this site', () => {
    const { calls, root } = mount();
    const [page, site] = [...root.querySelectorAll<HTMLButtonElement>('button.wh__secondary')];
    page!.click();
    site!.click();
    expect(calls.page).toHaveBeenCalledOnce();
    expect(calls.site).toHaveBeenCalledOnce();
  });

  it('says "licence unclear" prominently and handles no suggestions', () => {
    const { root } = mount([suggestion({ licence: 'licence unclear' })]);
    expect(root.querySelector('.wh__unclear')?.textContent).toBe('licence unclear');
    const empty = mount([]).root;
    expect(empty.textContent).toContain('No matching components found');
    expect(empty.querySelector('[data-component-id]')).toBeNull();
  });

  it('replaces an earlier overlay instead of stacking', () => {
    mount();
    mount();
    expect(document.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)).toHaveLength(1);
  });
});

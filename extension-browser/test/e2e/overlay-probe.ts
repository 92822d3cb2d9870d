/**
 * Read-outs from a page under test, shared by the Chromium and Firefox suites. `OVERLAY_TIMER` is an init
 * script for the page's main world: it notes when the overlay host appears (ms since navigation start).
 */
export const OVERLAY_TIMER = `(() => {
  const seen = () => {
    if (!window.__whOverlayAt && document.querySelector('[data-wheelhouse-overlay]')) window.__whOverlayAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

export interface OverlayReadout {
  state: string | null;
  ids: string[];
  workMs: number;
  overlayAt: number;
  loadEnd: number;
  title: string;
  javascriptLinks: number;
  scriptsInShadow: number;
}

/** Runs in the page: what the overlay shows. */
export function readOverlay(): OverlayReadout {
  const host = document.querySelector<HTMLElement>('[data-wheelhouse-overlay]');
  const root = host?.shadowRoot;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    state: host?.dataset.state ?? null,
    ids: root ? [...root.querySelectorAll('[data-component-id]')].map((e) => e.getAttribute('data-component-id') ?? '') : [],
    workMs: Number(host?.dataset.workMs ?? NaN),
    overlayAt: (window as unknown as { __whOverlayAt?: number }).__whOverlayAt ?? NaN,
    loadEnd: nav?.loadEventEnd ?? NaN,
    title: document.title,
    javascriptLinks: root ? [...root.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.getAttribute('href') ?? '')).length : 0,
    scriptsInShadow: root ? root.querySelectorAll('script, img, iframe, object').length : 0,
  };
}

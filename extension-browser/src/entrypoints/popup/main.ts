import { browser } from '#imports';
import { renderSuggestion } from '../../features/overlay';
import { sendToBackground } from '../../utils/send';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup markup is missing #${id}`);
  return el as T;
}

const query = byId<HTMLInputElement>('query');
const results = byId<HTMLUListElement>('results');
const count = byId<HTMLParagraphElement>('result-count');
const checkStatus = byId<HTMLParagraphElement>('check-status');

let latest = 0;
async function search(text: string): Promise<void> {
  const ticket = ++latest;
  if (!text.trim()) {
    results.replaceChildren();
    count.textContent = '';
    return;
  }
  const found = await sendToBackground({ type: 'wheelhouse/search', query: text });
  if (ticket !== latest) return;
  results.replaceChildren(...found.map((s) => renderSuggestion(document, s)));
  count.textContent = found.length ? `${found.length} component${found.length === 1 ? '' : 's'} found` : 'No components found';
}

byId<HTMLFormElement>('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void search(query.value);
});
query.addEventListener('input', () => void search(query.value));

byId<HTMLButtonElement>('check').addEventListener('click', () => {
  void (async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) {
      checkStatus.textContent = 'No page to check.';
      return;
    }
    const res = await sendToBackground({ type: 'wheelhouse/check-tab', tabId: tab.id });
    checkStatus.textContent = res.ok ? 'Checked: see the panel on the page.' : `Could not check this page: ${res.error ?? 'unknown error'}`;
    if (res.ok) window.close();
  })();
});

byId<HTMLAnchorElement>('options-link').addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage();
});

void sendToBackground({ type: 'wheelhouse/status' }).then((s) => {
  byId('catalogue-status').textContent = `${s.components} components (${s.source === 'remote' ? 'updated copy' : 'bundled copy'})`;
});
query.focus();

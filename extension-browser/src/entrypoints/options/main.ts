import { browser } from '#imports';
import { SITE_ADAPTERS } from '../../adapters';
import { sendToBackground } from '../../utils/send';
import { getSettings, SettingsSchema, updateSettings } from '../../utils/storage';
import { LOOPBACK_MATCHES } from '../../utils/site-url';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`options markup is missing #${id}`);
  return el as T;
}

const form = byId<HTMLFormElement>('options');
const saved = byId<HTMLParagraphElement>('saved');
const catalogueStatus = byId<HTMLParagraphElement>('catalogue-status');

async function showStatus(request: 'wheelhouse/status' | 'wheelhouse/refresh'): Promise<void> {
  const s = await sendToBackground({ type: request });
  const parts = [`${s.components} components, version ${s.version}, ${s.source === 'remote' ? 'updated copy' : 'bundled copy'}`];
  if (s.fetchedAt) parts.push(`checked ${new Date(s.fetchedAt).toLocaleString()}`);
  if (s.lastError) parts.push(`last refresh failed: ${s.lastError}`);
  if (s.disabledAdapters.length) parts.push(`switched off remotely: ${s.disabledAdapters.join(', ')}`);
  catalogueStatus.textContent = parts.join('; ');
}

async function load(): Promise<void> {
  const settings = await getSettings();
  byId<HTMLInputElement>('catalogueUrl').value = settings.catalogueUrl;
  byId<HTMLInputElement>('catalogueRepo').value = settings.catalogueRepo;
  byId<HTMLInputElement>('refreshHours').value = String(settings.refreshHours);
  byId<HTMLInputElement>('loopback').checked = settings.loopback;
  const sites = byId<HTMLFieldSetElement>('sites');
  for (const adapter of SITE_ADAPTERS) {
    const row = document.createElement('div');
    row.className = 'wh-check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `site-${adapter.id}`;
    box.name = 'site';
    box.value = adapter.id;
    box.checked = settings.sites[adapter.id] !== false;
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = adapter.label;
    row.append(box, label);
    sites.append(row);
  }
  await showStatus('wheelhouse/status');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    const loopback = byId<HTMLInputElement>('loopback').checked;
    // Permission requests must start from the user's click.
    if (loopback && !(await browser.permissions.request({ origins: LOOPBACK_MATCHES }))) {
      saved.textContent = 'Permission for 127.0.0.1/localhost was not granted; testing switch left off.';
      byId<HTMLInputElement>('loopback').checked = false;
      return;
    }
    const sites = Object.fromEntries(
      [...form.querySelectorAll<HTMLInputElement>('input[name="site"]')].map((box) => [box.value, box.checked]),
    );
    const parsed = SettingsSchema.safeParse({
      catalogueUrl: byId<HTMLInputElement>('catalogueUrl').value.trim(),
      catalogueRepo: byId<HTMLInputElement>('catalogueRepo').value.trim(),
      refreshHours: Number(byId<HTMLInputElement>('refreshHours').value),
      sites,
      loopback,
    });
    if (!parsed.success) {
      saved.textContent = `Not saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
      return;
    }
    await updateSettings(parsed.data);
    saved.textContent = 'Saved.';
  })();
});

byId<HTMLButtonElement>('refresh').addEventListener('click', () => void showStatus('wheelhouse/refresh'));

void load();

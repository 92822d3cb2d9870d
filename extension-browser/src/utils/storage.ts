// Every storage item, declared once with its default (STYLE 12). Settings are validated on read.
import { storage } from '#imports';
import { z } from 'zod';
import { DEFAULT_CATALOGUE_REPOSITORY, DEFAULT_CATALOGUE_URL as CATALOGUE_SITE } from '@wheelhouse/shared/config';

/**
 * Where the extension refreshes the catalogue from, and where "wrong suggestion?" files issues: the
 * project's one catalogue setting (wheelhouse.config.json `catalogue`), published as static files.
 */
export const DEFAULT_CATALOGUE_URL = `${CATALOGUE_SITE}/catalogue.json`;
export const DEFAULT_CATALOGUE_REPO = DEFAULT_CATALOGUE_REPOSITORY;

export const SettingsSchema = z.object({
  catalogueUrl: z.string().default(DEFAULT_CATALOGUE_URL),
  catalogueRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/).default(DEFAULT_CATALOGUE_REPO),
  refreshHours: z.number().int().min(1).max(24 * 30).default(24),
  /** Per-adapter switches; missing = on. */
  sites: z.record(z.string(), z.boolean()).default({}),
  /** Run on http://127.0.0.1 and http://localhost pages (tests); off by default. */
  loopback: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {} });

export async function getSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

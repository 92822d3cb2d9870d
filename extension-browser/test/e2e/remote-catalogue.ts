/**
 * Catalogues the e2e server publishes as the "remote" copy: a valid one (built in the
 * `wheelhouse-catalogue/1` shape) and a hostile one (markup and a javascript: URL) that must be refused.
 */
import { createHash } from 'node:crypto';

export function syntheticComponent(id: string, name: string, summary: string, terms: string[] = []): Record<string, unknown> {
  return {
    publiccodeYmlVersion: '0.7',
    id,
    name,
    url: `https://github.com/example-e2e/${id}`,
    softwareType: 'standalone/web',
    developmentStatus: 'stable',
    categories: ['e2e-test'],
    platforms: ['web'],
    programmingLanguages: [],
    description: { en: { shortDescription: summary } },
    legal: { license: 'NOASSERTION' },
    maintenance: { type: 'internal' },
    nhs: {
      services: [],
      standards: [],
      related: [],
      nations: [],
      adopters: [],
      evidence: [],
      matching: { terms, antiTerms: [] },
    },
  };
}

/** Unrelated entries, so term rarity in the small remote catalogue behaves as in the real one. */
const FILLER = [
  'Growth charts for children and young people.',
  'Terraform modules for cloud backups.',
  'Cookie consent banner for websites.',
  'Statistics on hospital waiting lists.',
  'Address matching against Ordnance Survey records.',
  'Dashboards of infection case numbers.',
].map((summary, i) => syntheticComponent(`e2e-filler-${i}`, `Filler ${i}`, summary));

export function catalogueJson(components: Record<string, unknown>[]): string {
  const sorted = [...components].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
  return JSON.stringify({ format: 'wheelhouse-catalogue/1', contentHash: `sha256-${hash}`, count: sorted.length, components: sorted });
}

/** A good remote catalogue whose one real entry matches the generic fixture (shared care record, GP Connect). */
export const GOOD_REMOTE = catalogueJson([
  ...FILLER,
  syntheticComponent('e2e-remote-shared-record', 'E2E shared care record viewer', 'Shows the GP record to hospital clinicians through GP Connect Access Record.', [
    'shared care record',
    'gp connect',
    'access record',
  ]),
]);

/** Markup in text and a javascript: URL: the schema must refuse the whole document. */
export const HOSTILE_REMOTE = catalogueJson([
  ...FILLER,
  {
    ...syntheticComponent('e2e-hostile', '<img src=x onerror="document.title=\'pwned\'">Shared care record', 'GP Connect <script>document.title="pwned"</script>', [
      'shared care record',
    ]),
    url: 'javascript:document.title="pwned"',
  },
]);

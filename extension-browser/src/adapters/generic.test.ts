import { describe, expect, it } from 'vitest';
import { generic } from './generic';
import { adapterForHost, SITE_ADAPTERS, SITE_MATCHES } from './index';
import { loadFixture } from './fixture.testing';

describe('generic adapter and the adapter list', () => {
  it('reads any page: h1, meta description, main text', () => {
    const need = generic.extract(loadFixture('generic'), new URL('https://www.example-icb.nhs.uk/digital'));
    expect(need?.title).toBe('Shared care record and GP data sharing');
    expect(need?.description).toMatch(/^How the ICB will share care records/);
    expect(need?.description).toContain('GP2GP');
  });

  it('has one adapter per host and https match patterns only', () => {
    const hosts = SITE_ADAPTERS.flatMap((a) => a.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(SITE_MATCHES.every((m) => m.startsWith('https://') && m.endsWith('/*'))).toBe(true);
    expect(adapterForHost('github.com')?.id).toBe('github');
    expect(adapterForHost('example.org')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ROOT } from './fixture.testing';
import { needFromOcds } from './ocds';
import type { PageNeed } from './types';

const markup: PageNeed = {
  adapter: 'find-a-tender',
  url: 'https://www.find-tender.service.gov.uk/Notice/012345-2024',
  title: 'Title from the page',
  description: 'Description from the page.',
  cpvCodes: ['30200000'],
  buyer: 'Buyer from the page',
  keywords: [],
};

const fixture: unknown = JSON.parse(readFileSync(join(EXTENSION_ROOT, 'test', 'fixtures', 'find-a-tender-old.ocds.json'), 'utf8'));

describe('needFromOcds', () => {
  it('reads title, tender and lot descriptions, CPV codes in order and the buyer from the latest release', () => {
    const need = needFromOcds(markup, fixture);
    expect(need).toMatchObject({
      adapter: 'find-a-tender',
      url: markup.url,
      title: 'Electronic Referral Management System',
      cpvCodes: ['48000000', '72000000', '48180000'],
      buyer: 'Riverside University Hospitals NHS Foundation Trust',
    });
    expect(need.description).toMatch(/^The Trust seeks a referral management system/);
    expect(need.description).toContain('Referrals must be vetted by clinicians');
  });

  it('takes the buyer from parties when there is no buyer block, and ignores other schemes', () => {
    const need = needFromOcds(markup, {
      releases: [
        { tender: { title: 'Old' } },
        {
          parties: [{ name: 'Supplier Ltd', roles: ['supplier'] }, { name: 'Northshire ICB', roles: ['buyer', 'procuringEntity'] }],
          tender: { title: 'New', classification: { scheme: 'UNSPSC', id: '43230000' }, items: [{ classification: { scheme: 'cpv', id: '72260000-5' } }] },
        },
      ],
    });
    expect(need).toMatchObject({ title: 'New', buyer: 'Northshire ICB', cpvCodes: ['72260000'], description: markup.description });
  });

  it('keeps the markup where the data is missing or malformed', () => {
    for (const data of [null, 'text', [], {}, { releases: 'x' }, { releases: [{}] }, { releases: [{ tender: { title: 7, items: 'x', lots: [null] } }] }]) {
      expect(needFromOcds(markup, data)).toEqual(markup);
    }
  });
});

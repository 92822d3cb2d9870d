import { describe, expect, it } from 'vitest';
import { gitlab, gitlabProjectFromUrl } from './gitlab';
import { loadFixture } from './fixture.testing';

describe('gitlab adapter', () => {
  it('recognises project pages', () => {
    const at = (p: string) => gitlabProjectFromUrl(new URL(`https://gitlab.com${p}`));
    expect(at('/eyehospital/openeyes')).toBe('eyehospital/openeyes');
    expect(at('/group/sub/project/-/tree/main')).toBe('group/sub/project');
    expect(at('/eyehospital/openeyes/-/issues')).toBeUndefined();
    expect(at('/explore/projects')).toBeUndefined();
    expect(at('/eyehospital')).toBeUndefined();
  });

  it('reads name, description, topics and README once the sidebar is shown', () => {
    const doc = loadFixture('gitlab');
    const url = new URL('https://gitlab.com/eyehospital/openeyes');
    expect(gitlab.extract(doc, url)?.description).toBe('');
    // What the page's script does after load.
    doc.querySelector('.project-home-panel')?.removeAttribute('hidden');
    const sidebar = doc.querySelector('.project-page-sidebar');
    sidebar?.removeAttribute('hidden');
    sidebar!.querySelector('p')!.textContent = 'Electronic patient record for ophthalmology.';
    const topic = doc.createElement('a');
    topic.href = '/explore/projects/topics/ophthalmology';
    topic.textContent = 'ophthalmology';
    sidebar!.querySelector('.topics')!.append(topic);
    const need = gitlab.extract(doc, url);
    expect(need).toMatchObject({ title: 'openeyes', keywords: ['ophthalmology'] });
    expect(need?.description).toBe('Electronic patient record for ophthalmology.');
  });
});

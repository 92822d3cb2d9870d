import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ROOT, loadFixture } from '../adapters/fixture.testing';
import { clip, cpvCodesIn, visibleText } from './text';

describe('cpvCodesIn', () => {
  it('reads 8-digit codes with or without check digit, in order, once each', () => {
    expect(cpvCodesIn('48000000 - Software; 72000000-5 IT services; again 48000000')).toEqual(['48000000', '72000000']);
  });
  it('ignores longer numbers and notice identifiers', () => {
    expect(cpvCodesIn('Notice 2024/S 000-012345, phone 0123456789, ocds-h6vhtk-04a1b2')).toEqual([]);
  });
});

describe('visibleText', () => {
  it('drops screen-reader duplicates, hidden nodes and scripts', () => {
    document.body.innerHTML =
      '<h4 id="h"><span class="aria-only">two.1.4) Short description</span><span aria-hidden="true">II.1.4) Short description</span></h4>' +
      '<div id="d">Shown <span hidden>hidden</span><script>var x = 1;</script> text</div>';
    expect(visibleText(document.getElementById('d'))).toBe('Shown text');
  });
});

describe('clip', () => {
  it('cuts on a word boundary', () => {
    expect(clip('one two three four', 10)).toBe('one two');
    expect(clip('short', 10)).toBe('short');
  });
});

describe('visibleText walks without changing the page', () => {
  it('spaces block boundaries, keeps inline runs together, skips hidden subtrees at any depth', () => {
    document.body.innerHTML =
      '<div id="d"><ul><li>one</li><li>t<b>w</b>o</li></ul><p>three<br>four</p>' +
      '<div aria-hidden="false">five</div><div><span class="govuk-visually-hidden">no</span><template>no</template>six</div>' +
      '<p><svg><style>no</style><text>seven</text></svg><noscript>no</noscript></p><section><div><p hidden>no</p>eight</div></section></div>';
    const before = document.body.innerHTML;
    expect(visibleText(document.getElementById('d'))).toBe('one two three four five six seven eight');
    expect(document.body.innerHTML).toBe(before);
  });
  it('skips screen-reader-only classes as whole class tokens only', () => {
    document.body.innerHTML =
      '<div id="d"><span class="x\tgovuk-visually-hidden">no</span><span class="aria-only-not">one</span>' +
      '<span class="nhsuk-u-visually-hidden-focusable">two</span><span class="a\u00a0aria-only">three</span></div>';
    expect(visibleText(document.getElementById('d'))).toBe('onetwothree');
  });
  it('reads the element itself even when it is hidden (callers pick what to read)', () => {
    document.body.innerHTML = '<p id="p" hidden>kept <span hidden>dropped</span></p>';
    expect(visibleText(document.getElementById('p'))).toBe('kept');
  });
});

describe('visibleText reads a subtree whole when nothing in it is skipped or separated', () => {
  /** The node-by-node walk visibleText used before (issue 9): the reference its shortcut must agree with. */
  function walkedText(el: Element): string {
    const parts: string[] = [];
    const walk = (parent: Node) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3 || node.nodeType === 4) parts.push((node as CharacterData).data);
        else if (node.nodeType === 1) {
          const child = node as Element;
          const hidden =
            ['script', 'style', 'template', 'noscript'].includes(child.localName) ||
            child.hasAttribute('hidden') ||
            child.getAttribute('aria-hidden') === 'true' ||
            /(?:^|[\t\n\f\r ])(?:aria-only|govuk-visually-hidden|nhsuk-u-visually-hidden)(?:[\t\n\f\r ]|$)/.test(child.getAttribute('class') ?? '');
          if (hidden) continue;
          walk(child);
          if (/^(p|li|dd|dt|div|br|td|th|tr|h[1-6]|section|article|blockquote|pre)$/.test(child.localName)) parts.push(' ');
        }
      }
    };
    walk(el);
    return parts.join('').replace(/\s+/g, ' ').trim();
  }

  it.each(readdirSync(join(EXTENSION_ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.html')))(
    'agrees with the node-by-node walk on every element of %s',
    (file) => {
      const doc = loadFixture(file.replace(/\.html$/, ''));
      const elements = [...doc.body.querySelectorAll('*')];
      expect(elements.length).toBeGreaterThan(0);
      for (const el of elements) expect(visibleText(el), el.outerHTML.slice(0, 120)).toBe(walkedText(el));
    },
  );
});

import { describe, expect, test } from 'vitest';
import { checkXhtml } from './xhtml.js';

const messages = (div: string): string[] => checkXhtml(div).map((p) => `${p.kind}: ${p.message}`);

describe('checkXhtml', () => {
  test('a well-formed narrative with XML entities, numeric references and comments passes', () => {
    expect(messages('<div xmlns="http://www.w3.org/1999/xhtml"><p>a &amp; b &#160;&#xA0;&lt;</p><!-- <b> --><br/><img src="x.png" alt="x &gt; y"/></div>')).toEqual([]);
  });
  test('entities: HTML-only names and bare ampersands in text; ampersands inside attribute values are not text', () => {
    expect(messages('<div><p>a &nbsp; c & d</p><a href="x?a=1&b=2">l</a></div>')).toEqual([
      "entity: Invalid entity in the XHTML ('&nbsp;'): only the XML entities and numeric references are allowed",
      "entity: Invalid entity in the XHTML: '&' must be written '&amp;'",
    ]);
  });
  test('tags: mismatched, unclosed, wrong root, event handlers', () => {
    expect(messages('<div><b>x</i></div>')).toEqual(['not-well-formed: The XHTML is not well-formed: </i> does not close <b>']);
    expect(messages('<div><span>unclosed')).toEqual(['not-well-formed: The XHTML is not well-formed: <span> is never closed']);
    expect(messages('<p>no root</p>')).toEqual(['root: The narrative must be a single XHTML <div> element, not <p>']);
    expect(messages('<div onclick="x">&copy;</div>')).toEqual([
      "attribute: Invalid attribute name in the XHTML ('onclick'): event handlers are not allowed",
      "entity: Invalid entity in the XHTML ('&copy;'): only the XML entities and numeric references are allowed",
    ]);
  });
});

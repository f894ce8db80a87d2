import { snippetOf } from './search.service';

describe('search snippets', () => {
  it('turns ts_headline markers into plain text and ranges', () => {
    expect(snippetOf('la \u27e6réconciliation\u27e7 a commencé')).toEqual({
      text: 'la réconciliation a commencé',
      highlights: [{ start: 3, length: 14 }],
    });
  });

  it('merges the words of a phrase, and trims the fragment', () => {
    const snippet = snippetOf('  des \u27e6radios\u27e7 \u27e6communautaires\u27e7 … les \u27e6radios\u27e7 ');
    expect(snippet.text).toBe('des radios communautaires … les radios');
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length))).toEqual(['radios communautaires', 'radios']);
  });
});

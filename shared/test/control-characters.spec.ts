import { controlCharacterIn } from '../src/input/control-characters';

describe('characters text may not hold', () => {
  const refused = [...Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code))].map((code) =>
    String.fromCharCode(code),
  );

  it.each(refused.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))('refuses %s anywhere in a text', (_, c) => {
    for (const text of [c, `a${c}`, `${c}b`, `Ségou${c}Mopti`, `${'x'.repeat(5000)}${c}`])
      expect(controlCharacterIn(text)).toMatch(/control character/);
  });

  it('names NUL', () => {
    expect(controlCharacterIn('a\u0000b')).toBe('U+0000 (NUL), a control character,');
  });

  it('refuses lone surrogates but keeps characters outside the BMP', () => {
    for (const text of ['\uD800', '\uDFFF', 'a\uD83Db', '\uDE42x', 'x\uD83D', '\uDE42\uD83D'])
      expect(controlCharacterIn(text)).toMatch(/surrogate/);
    for (const text of ['🙂', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'a🙂b🙂']) expect(controlCharacterIn(text)).toBeNull();
  });

  it('keeps tab, line breaks, accents, scripts and marks partners write', () => {
    const kept = [
      '',
      ' ',
      'Line one\nline two\r\nthird\ttabbed',
      'Ségou, Mopti — Tombouctou',
      'ߒߞߏ',
      'ⴰⵣⵓⵍ',
      'مرحبا',
      'e\u0301',
      '\u202Eright to left',
      'zero\u200Bwidth',
      '\u007F delete is C1-adjacent, not C0',
      '\u0085 next line',
      '\uFEFF bom',
      'x'.repeat(100_000),
    ];
    for (const text of kept) expect([text.slice(0, 20), controlCharacterIn(text)]).toEqual([text.slice(0, 20), null]);
  });
});

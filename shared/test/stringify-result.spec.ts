import { rememberJson, stringifyResult } from '../src/server/kept-answers';

/** The servers' stringifyResult: compact JSON, and a kept answer's JSON as written when it was kept. */
describe('stringifyResult', () => {
  const data = { figures: [{ key: 'ML01', count: 12, label: 'Ségou "centre"' }], exact: false, none: null };

  it('writes compact JSON, byte for byte what JSON.stringify writes', () => {
    for (const result of [{ data }, { data: null, errors: [{ message: 'No' }] }, { errors: undefined, data, extensions: undefined }]) {
      expect(stringifyResult(result)).toBe(JSON.stringify(result));
    }
  });

  it('gives the JSON written when the data was kept, and the same bytes as writing it again', () => {
    const kept = structuredClone(data);
    rememberJson(kept, JSON.stringify(kept));
    const served = { errors: undefined, data: kept, extensions: undefined };
    expect(stringifyResult(served)).toBe(JSON.stringify(served));
    // What is written comes from the remembered text, not from the object.
    rememberJson(kept, '{"remembered":true}');
    expect(stringifyResult(served)).toBe('{"data":{"remembered":true}}');
  });

  it('writes the whole result when the kept data comes with errors or extensions', () => {
    const kept = structuredClone(data);
    rememberJson(kept, '{"remembered":true}');
    const withErrors = { errors: [{ message: 'partial' }], data: kept };
    expect(stringifyResult(withErrors)).toBe(JSON.stringify(withErrors));
    const withExtensions = { data: kept, extensions: { cost: 1 } };
    expect(stringifyResult(withExtensions)).toBe(JSON.stringify(withExtensions));
  });
});

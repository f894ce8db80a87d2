import { toCsv } from '../src/lib/csv';

describe('audit export as CSV', () => {
  test('quotes what needs quoting, keeps accents, ends lines with CRLF and starts with a byte-order mark', () => {
    const csv = toCsv(
      ['at', 'actor', 'record'],
      [
        ['2026-12-05T10:00:00.000Z', 'médiatrice-1', 'ConflictCase 7f3e'],
        ['2026-12-05T11:00:00.000Z', 'says "hello", twice', 'line\nbreak'],
        ['2026-12-05T12:00:00.000Z', null, undefined],
      ],
    );
    expect(csv).toBe(
      '\uFEFFat,actor,record\r\n' +
        '2026-12-05T10:00:00.000Z,médiatrice-1,ConflictCase 7f3e\r\n' +
        '2026-12-05T11:00:00.000Z,"says ""hello"", twice","line\nbreak"\r\n' +
        '2026-12-05T12:00:00.000Z,,\r\n',
    );
  });

  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('a cell a spreadsheet would run as a formula is defused: %s', (value, cell) => {
    expect(toCsv(['actor'], [[value]]).split('\r\n')[1]).toBe(cell);
  });
});

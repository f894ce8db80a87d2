import fs from 'node:fs';
import path from 'node:path';
import { ClientErrorCode } from '@peacegraph/client';
import { ErrorCode, PROTOCOL_CODES, RETRYABLE_CODES } from '@peacegraph/kit/errors';
import { RequestErrorCode } from '@peacegraph/kit/server';
import { DocumentErrorCode } from '../gateway/src/documents/resolve';
import { GatewayErrorCode } from '../gateway/src/errors';
const ROOT = path.resolve(__dirname, '..');

/**
 * docs/errors.md cannot drift from the code: every code the kit, the gateway and the client can give
 * is listed there, nothing else is, and "yes" in its Retry? column is said of exactly the codes that
 * carry `extensions.retryable: true`.
 */
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'errors.md'), 'utf8');

/** The rows of the table under `## <heading>`: the codes of the first cell, the text of the last. */
function rowsUnder(heading: string): { codes: string[]; retry: string }[] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) throw new Error(`docs/errors.md has no section "## ${heading}"`);
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Z_]+`/.test(line))
    .map((line) => {
      const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
      return { codes: [...cells[0]!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!), retry: cells.at(-1)! };
    });
}

const PLATFORM = new Set<string>([
  ...Object.values(ErrorCode),
  ...PROTOCOL_CODES,
  ...Object.values(RequestErrorCode),
  ...Object.values(GatewayErrorCode),
  ...Object.values(DocumentErrorCode),
]);
// Every code only the gateway raises is retryable: a subgraph that did not answer, a rate limit.
const RETRYABLE = new Set<string>([...RETRYABLE_CODES, ...Object.values(GatewayErrorCode), ClientErrorCode.NETWORK_ERROR]);

describe('docs/errors.md', () => {
  it('lists every code the platform returns, once, and no other', () => {
    const listed = rowsUnder('Codes').flatMap((row) => row.codes);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...PLATFORM].sort());
  });

  it('lists the client’s own codes, and no other', () => {
    const listed = rowsUnder('Codes of the client').flatMap((row) => row.codes);
    expect([...listed].sort()).toEqual(Object.values(ClientErrorCode).sort());
  });

  it('says "yes" to retrying exactly the retryable codes', () => {
    for (const row of [...rowsUnder('Codes'), ...rowsUnder('Codes of the client')]) {
      for (const code of row.codes) expect([code, row.retry.startsWith('yes')]).toEqual([code, RETRYABLE.has(code)]);
    }
  });

  it('is linked from the README and the integrators’ guide', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('](docs/errors.md)');
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'integrators.md'), 'utf8')).toContain('](errors.md)');
  });
});

import { explorerPage } from '../src/explorer/page';

const configOf = (html: string) =>
  JSON.parse(/<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as {
    endpoint: string;
    headers?: string;
  };

describe('explorer page', () => {
  it('loads its scripts and styles from the asset route only', () => {
    const html = explorerPage({ endpoint: '/graphql', assets: '/explorer/assets' });
    expect(html.match(/https?:\/\//g)).toBeNull();
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].every((m) => m[1]?.startsWith('/explorer/assets/'))).toBe(true);
    expect(configOf(html)).toMatchObject({ endpoint: '/graphql' });
    expect(configOf(html).headers).toBeUndefined();
  });

  it('carries pre-filled headers as data that cannot close the script element', () => {
    const html = explorerPage({
      endpoint: '/graphql',
      assets: '/explorer/assets',
      headers: { 'X-Note': '</script><script>alert(1)</script>' },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(JSON.parse(configOf(html).headers ?? '{}')).toEqual({ 'X-Note': '</script><script>alert(1)</script>' });
  });
});

import path from 'node:path';
import { composeSupergraph } from '@peacegraph/kit/composition';

const root = path.resolve(__dirname, '../..');

describe("the repository's supergraph", () => {
  it('composes from supergraph.yaml, matches the committed supergraph.graphql and breaks nothing', async () => {
    const report = await composeSupergraph({
      configPath: path.join(root, 'supergraph.yaml'),
      outPath: path.join(root, 'supergraph.graphql'),
      check: true,
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // "changed" would mean a schema.graphql was edited without `npm run compose`.
    expect(report.previous).toBe('unchanged');
    expect(report.diff?.breaking ?? []).toEqual([]);
  });
});

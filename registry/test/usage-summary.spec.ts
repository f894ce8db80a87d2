import { summarise } from '../src/console/usage-summary';
import type { FieldOrigin } from '../src/console/field-map';

const origin = (...subgraphs: string[]): FieldOrigin => ({ subgraphs, dataClass: 'PUBLIC' });
/** As in the real graph: the directory's admin areas, extended by conflicts; PageInfo in every subgraph. */
const ORIGINS = new Map<string, FieldOrigin>([
  ['Query.adminAreas', origin('directory')],
  ['AdminArea.pcode', origin('conflicts', 'directory', 'mining')],
  ['AdminArea.name', origin('directory')],
  ['AdminArea.conflictStats', origin('conflicts')],
  ['PageInfo.hasNextPage', origin('conflicts', 'directory', 'mining')],
]);
const latency = (bucket: number, n: number) => Array.from({ length: 12 }, (_, i) => (i === bucket ? n : 0));

test('an operation counts for the subgraphs that alone resolve a field it selected, not for those sharing a key or a common type', () => {
  const summary = summarise(
    24,
    [
      {
        signature: 'a',
        coordinates: ['Query.adminAreas', 'AdminArea.pcode', 'AdminArea.name', 'PageInfo.hasNextPage'],
        count: 40,
        errors: 2,
        latency: latency(2, 40),
      },
      {
        signature: 'b',
        coordinates: ['Query.adminAreas', 'AdminArea.pcode', 'AdminArea.conflictStats'],
        count: 10,
        errors: 10,
        latency: latency(5, 10),
      },
      { signature: 'c', coordinates: [], count: 3, errors: 3, latency: latency(0, 3) },
    ],
    [],
    ORIGINS,
    ['conflicts', 'directory', 'mining'],
  );
  expect(summary).toMatchObject({ requests: 53, errors: 15 });
  expect(summary.subgraphs.map(({ subgraph, requests, errors }) => [subgraph, requests, errors])).toEqual([
    ['conflicts', 10, 10],
    ['directory', 50, 12],
    ['mining', 0, 0],
  ]);
  expect(summary.subgraphs.find((s) => s.subgraph === 'mining')!.p95Ms).toBeNull();
});

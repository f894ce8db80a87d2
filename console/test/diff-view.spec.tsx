import { render, screen, within } from '@testing-library/react';
import { DiffView } from '../src/components/diff-view';
import { sideBySide } from '../src/lib/side-by-side';

const BEFORE = ['type Query {', '  community(id: ID!): Community', '  cases: [Case!]!', '}', ''].join('\n');
const AFTER = [
  'type Query {',
  '  community(id: ID!): Community',
  '  conflictCases: [Case!]!',
  '  commissions: [PeaceCommission!]!',
  '}',
  '',
].join('\n');

describe('side by side', () => {
  test('a replaced line faces its replacement; an extra added line faces an empty cell', () => {
    const view = sideBySide(BEFORE, AFTER);
    expect(view).toMatchObject({ added: 2, removed: 1 });
    const pairs = view.rows.filter((r) => r.kind === 'pair');
    expect(pairs.map((r) => r.kind === 'pair' && [r.left.kind, r.left.line, r.right.kind, r.right.line])).toEqual([
      ['same', 1, 'same', 1],
      ['same', 2, 'same', 2],
      ['removed', 3, 'added', 3],
      ['empty', null, 'added', 4],
      ['same', 4, 'same', 5],
    ]);
  });

  test('long unchanged runs fold to one row that says how many lines it hides', () => {
    const body = Array.from({ length: 40 }, (_, i) => `  field${i}: String`);
    const before = ['type A {', ...body, '}'].join('\n');
    const after = ['type A {', ...body.slice(0, 20), '  added: Int', ...body.slice(20), '}'].join('\n');
    const view = sideBySide(before, after, 3);
    expect(view).toMatchObject({ added: 1, removed: 0 });
    const skipped = view.rows.filter((r) => r.kind === 'skipped').map((r) => r.kind === 'skipped' && r.count);
    // 21 lines before the change, 21 after; three of each stay beside it.
    expect(skipped).toEqual([18, 18]);
    expect(view.rows.filter((r) => r.kind === 'pair')).toHaveLength(7);
  });

  test('identical texts give no change and fold to a single row', () => {
    const view = sideBySide(BEFORE, BEFORE);
    expect(view).toEqual({ rows: [{ kind: 'skipped', count: 4 }], added: 0, removed: 0 });
  });
});

describe('DiffView', () => {
  test('shows the changelog with each change’s criticality and the SDL with removed and added lines marked', () => {
    render(
      <DiffView
        changes={[
          { criticality: 'BREAKING', message: "Field 'cases' was removed from object type 'Query'", coordinate: 'Query.cases' },
          { criticality: 'SAFE', message: "Field 'commissions' was added to object type 'Query'", coordinate: 'Query.commissions' },
        ]}
        fromSdl={BEFORE}
        toSdl={AFTER}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      "breaking Field 'cases' was removed from object type 'Query'",
      "safe Field 'commissions' was added to object type 'Query'",
    ]);
    expect(screen.getByText('2 lines added, 1 removed')).toBeTruthy();
    const table = screen.getByRole('table');
    const removed = table.querySelectorAll('td.removed');
    const added = table.querySelectorAll('td.added');
    expect([...removed].map((td) => td.textContent)).toEqual(['−  cases: [Case!]!']);
    expect([...added].map((td) => td.textContent)).toEqual(['+  conflictCases: [Case!]!', '+  commissions: [PeaceCommission!]!']);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
  });

  test('says so when the API did not change', () => {
    render(<DiffView changes={[]} fromSdl={BEFORE} toSdl={BEFORE} />);
    expect(screen.getByText('No change to the API schema.')).toBeTruthy();
    expect(screen.getByText('0 lines added, 0 removed')).toBeTruthy();
  });
});

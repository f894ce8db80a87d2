import { abridged } from '../src/sql/statement-counter';

describe('abridged SQL in logs', () => {
  it('keeps a short statement whole, on one line', () => {
    expect(abridged('SELECT 1\n  FROM community')).toBe('SELECT 1 FROM community');
  });

  it('cuts a multi-row INSERT to what identifies it and says how long it was', () => {
    const values = Array.from({ length: 500 }, (_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ');
    const line = abridged(`INSERT INTO "transhumance_corridor_vertex"("corridor_id", "seq") VALUES ${values}`);
    expect(line.startsWith('INSERT INTO "transhumance_corridor_vertex"("corridor_id", "seq") VALUES ($1, $2)')).toBe(true);
    expect(line).toMatch(/… \(\d{4,} characters\)$/);
    expect(line.length).toBeLessThan(440);
  });
});

import fs from 'node:fs';
import path from 'node:path';

/** The subset of IDMC's figures the project ships (see reference-data/DATA_SOURCES.md). */
export const IDMC_FILE = path.resolve(__dirname, '../../reference-data/idmc-displacement.csv');

/** Named with every figure served, as the licence (CC BY-IGO) asks. */
export const IDMC_SOURCE =
  'Internal Displacement Monitoring Centre (IDMC), Global Internal Displacement Database: internal displacements and IDPs (conflict and violence), CC BY-IGO';

/** The platform's six countries, ISO 3166-1 alpha-3 to alpha-2. */
export const PLATFORM_COUNTRIES: Record<string, string> = { BFA: 'BF', MLI: 'ML', NER: 'NE', SEN: 'SN', GMB: 'GM', GNB: 'GW' };

export interface IdmcRow {
  iso3: string;
  countryCode: string;
  year: number;
  newDisplacements: number | null;
  newDisplacementsRounded: number | null;
  totalIdps: number | null;
  totalIdpsRounded: number | null;
}

/** A blank cell is a figure IDMC does not have: unknown, never zero. */
function figure(cell: string | undefined, where: string): number | null {
  if (cell === undefined || cell.trim() === '') return null;
  const value = Number(cell);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${where}: not a count: "${cell}"`);
  return value;
}

/**
 * Rows of IDMC's CSV (`iso3,country_name,year,new_displacement,new_displacement_rounded,
 * total_displacement,total_displacement_rounded`) for the platform's countries. The file has no quoted
 * cells; one would mean a new format, which is refused rather than misread.
 */
export function parseIdmcCsv(text: string): IdmcRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header!.split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`IDMC file: no column ${name}`);
    return index;
  };
  const [iso3, year, fresh, freshRounded, total, totalRounded] = [
    'iso3',
    'year',
    'new_displacement',
    'new_displacement_rounded',
    'total_displacement',
    'total_displacement_rounded',
  ].map(at) as [number, number, number, number, number, number];
  return lines.flatMap((line, i) => {
    if (line.includes('"')) throw new Error(`IDMC file line ${i + 2}: quoted cells are not expected`);
    const cells = line.split(',');
    const countryCode = PLATFORM_COUNTRIES[cells[iso3]!];
    if (!countryCode) return [];
    const where = `IDMC file line ${i + 2}`;
    return [
      {
        iso3: cells[iso3]!,
        countryCode,
        year: Number(cells[year]),
        newDisplacements: figure(cells[fresh], where),
        newDisplacementsRounded: figure(cells[freshRounded], where),
        totalIdps: figure(cells[total], where),
        totalIdpsRounded: figure(cells[totalRounded], where),
      },
    ];
  });
}

/**
 * Loads the shipped file as upserts: safe to run again, and a new release of the file corrects
 * figures in place. Run by the migration that creates the table and at every start.
 */
export async function loadIdmcFigures(db: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> }): Promise<number> {
  const rows = parseIdmcCsv(fs.readFileSync(IDMC_FILE, 'utf8'));
  await db.query(
    `INSERT INTO idmc_displacement_figure (country_code, iso3, year, new_displacements, new_displacements_rounded, total_idps, total_idps_rounded)
     SELECT * FROM unnest($1::char(2)[], $2::char(3)[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[])
     ON CONFLICT (country_code, year) DO UPDATE SET new_displacements = excluded.new_displacements,
       new_displacements_rounded = excluded.new_displacements_rounded, total_idps = excluded.total_idps,
       total_idps_rounded = excluded.total_idps_rounded`,
    [
      rows.map((r) => r.countryCode),
      rows.map((r) => r.iso3),
      rows.map((r) => r.year),
      rows.map((r) => r.newDisplacements),
      rows.map((r) => r.newDisplacementsRounded),
      rows.map((r) => r.totalIdps),
      rows.map((r) => r.totalIdpsRounded),
    ],
  );
  return rows.length;
}

/**
 * Rebuilds idmc-displacement.csv from the full public file in ../shared/data (run by hand when the
 * source changes: `tsx subgraphs/displacement/reference-data/extract-idmc.ts ../shared/data`). Lines
 * are copied as they are, header included, for the platform's six countries; the subset is committed
 * so that the platform never needs ../shared at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PLATFORM_COUNTRIES } from '../src/reference/idmc-figures';

const source = process.argv[2] ?? path.resolve(__dirname, '../../../../shared/data');
const [header, ...lines] = fs
  .readFileSync(path.join(source, 'idmc-internal-displacements-idps.csv'), 'utf8')
  .split(/\r?\n/)
  .filter(Boolean);
const kept = lines.filter((line) => line.split(',')[0]! in PLATFORM_COUNTRIES);
fs.writeFileSync(path.join(__dirname, 'idmc-displacement.csv'), [header, ...kept].join('\n') + '\n');
process.stdout.write(`IDMC country-years: ${kept.length}\n`);

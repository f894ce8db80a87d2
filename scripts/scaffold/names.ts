/** The names a new subgraph's files are made from, all derived from two the person chooses. */
export interface ScaffoldNames {
  /** The subgraph: its folder, database, scopes and `<name>AuditLog`, e.g. `grievances`. */
  subgraph: string;
  /** Its first record type, PascalCase, e.g. `Grievance`. */
  record: string;
  /** camelCase of the record, e.g. `grievance` (fields, variables). */
  camel: string;
  /** kebab-case of the record, e.g. `grievance` (the feature folder and file names). */
  feature: string;
  /** snake_case of the record, e.g. `grievance` (the table). */
  table: string;
  /** The context type, e.g. `GrievancesContext`. */
  context: string;
  port: number;
}

const SUBGRAPH = /^[a-z][a-z0-9]{2,30}$/;
const RECORD = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$/;

/** The names, or the plain reasons they cannot be used. */
export function scaffoldNames(subgraph: string, record: string, port: number): ScaffoldNames | string[] {
  const problems: string[] = [];
  if (!SUBGRAPH.test(subgraph)) {
    problems.push(
      `the subgraph name "${subgraph}" must be 3 to 31 lower-case letters and digits, starting with a letter (e.g. grievances)`,
    );
  }
  if (!RECORD.test(record)) problems.push(`the record type "${record}" must be PascalCase letters and digits (e.g. Grievance)`);
  if (problems.length) return problems;
  const words = record.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  return {
    subgraph,
    record,
    camel: record[0]!.toLowerCase() + record.slice(1),
    feature: words.join('-'),
    table: words.join('_'),
    context: `${subgraph[0]!.toUpperCase()}${subgraph.slice(1)}Context`,
    port,
  };
}

/** How much forums takes of each thing: generous for real use, small enough that no input floods a page or a table. */
export const LIMITS = {
  title: 300,
  role: 200,
  name: 200,
  /** A declaration's full text: a few pages, with room to spare. */
  declaration: 100_000,
  recommendation: 4000,
  testimony: 8000,
  finding: 1000,
  findings: 30,
  evidence: 4000,
  note: 1000,
  translations: 10,
  drafters: 50,
  recipients: 50,
  convenors: 10,
  countries: 20,
  recommendationsPerDeclaration: 200,
  /** Participants per category and sex: more than any hall holds. */
  participants: 100_000,
} as const;

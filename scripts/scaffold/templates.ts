import type { ScaffoldNames } from './names';

/**
 * The files of a new subgraph: a real one, not a sketch — a record type with its table, keyset list,
 * create and update through the kit's write path (scope, ownership, version, audit, retries), a
 * SENSITIVE field, and a test over HTTP against PostgreSQL. The person then renames and adds fields.
 */
export function scaffoldFiles(n: ScaffoldNames, migrationTime: number): Record<string, string> {
  const f = `src/${n.feature}/${n.feature}`;
  return {
    'package.json': packageJson(n),
    'tsconfig.json': `{ "extends": "../../tsconfig.base.json", "include": ["src", "test"] }\n`,
    'README.md': readme(n),
    'schema.graphql': schema(n),
    'src/subgraph.ts': subgraph(n),
    'src/context.ts': context(n),
    'src/migrations/index.ts': migrationsIndex(migrationTime),
    [`src/migrations/${migrationTime}-initial.ts`]: migration(n, migrationTime),
    'src/resolvers/index.ts': resolversIndex(n),
    'src/resolvers/mappers.ts': mappers(n),
    [`${f}.entity.ts`]: entity(n),
    [`${f}.repository.ts`]: repository(n),
    [`${f}.rules.ts`]: rules(n),
    [`${f}.service.ts`]: service(n),
    [`${f}.resolvers.ts`]: resolvers(n),
    [`${f}.int.spec.ts`]: spec(n),
    'test/support.ts': support(n),
  };
}

const packageJson = (n: ScaffoldNames) =>
  `${JSON.stringify(
    {
      name: `@peacegraph/subgraph-${n.subgraph}`,
      version: '0.1.0',
      private: true,
      description: `The ${n.subgraph} subgraph`,
      main: 'src/subgraph.ts',
      scripts: { typecheck: 'tsc -p tsconfig.json' },
      dependencies: { '@peacegraph/kit': '0.1.0', graphql: '^16.11.0', typeorm: '^0.3.27' },
    },
    null,
    2,
  )}\n`;

const readme = (n: ScaffoldNames) => `# ${n.subgraph} subgraph

Made by \`npm run new-subgraph -- ${n.subgraph} ${n.record}\`. Port ${n.port}, scopes
\`${n.subgraph}:write|sensitive\`, database \`peacegraph_${n.subgraph}\`. Its shape is the platform's
(docs/ARCHITECTURE.md): \`schema.graphql\`, the declaration \`src/subgraph.ts\`, the per-request
\`src/context.ts\`, and one folder per feature (\`src/${n.feature}/\`: entity, repository, rules, service,
resolvers and their test).

## Data classes

- **PARTNER**: every ${n.record} (any signed-in partner).
- **SENSITIVE**: a ${n.record}'s \`notes\`: the owning organisation with \`${n.subgraph}:sensitive\` only,
  every read audited by the kit.
`;

const schema = (n: ScaffoldNames) => `# The ${n.subgraph} subgraph. The kit's common SDL (scalars, data-class directives, audit log,
# PageInfo) comes before this file: see shared/src/graphql/common.graphql. Describe everything:
# integrators read these descriptions, and \`npm run compose\` fails on a missing one.
type Query @partner {
  "One ${n.record} by its id; null when there is none."
  ${n.camel}("The ${n.record}'s id." id: ID!): ${n.record}
  "${n.record}s, latest first."
  ${n.camel}s("At most this many (default 20, at most 100)." first: Int, "The endCursor of the previous page." after: String): ${n.record}Connection

  "The ${n.subgraph} subgraph's audit log: every write and every read of a sensitive field. Admins see all of it, partners the entries about their records and their own people's actions. Newest first."
  ${n.subgraph}AuditLog(
    "Only entries at or after this moment."
    from: DateTime
    "Only entries before this moment."
    to: DateTime
    "Only entries by this actor: a token's subject, or api-key:<prefix> for a machine client."
    actor: String
    "Only entries about this record."
    recordId: ID
    "Only reads, or only writes."
    action: AuditAction
    "Only entries whose stated purpose (the X-Purpose header) is exactly this."
    purpose: String
    "At most this many entries (default 20, at most 100)."
    first: Int
    "The endCursor of the previous page."
    after: String
  ): AuditEntryConnection
}

# Every write needs ${n.subgraph}:write and changes only the caller's organisation's records. Updates take
# the \`version\` last read (optimistic locking). Creates accept a \`clientMutationId\`: retrying with it
# returns the first result.
type Mutation @partner {
  "Records a ${n.record} for the caller's organisation."
  record${n.record}("What to record." input: Record${n.record}Input!): ${n.record}
  "Changes the fields given of one of the caller's organisation's ${n.record}s."
  update${n.record}("The ${n.record}'s id." id: ID!, "The version last read." version: Int!, "The fields to change." input: Update${n.record}Input!): ${n.record}
}

"An organisation of the directory; only its key is held here."
type Organisation @key(fields: "id", resolvable: false) @public {
  "The organisation's id in the directory."
  id: ID!
}

"A ${n.record}, recorded by a partner organisation."
type ${n.record} @key(fields: "id") @partner {
  "Its id, given by the platform."
  id: ID!
  "What it is, in a few words."
  title: String!
  "When it happened; never in the future."
  occurredOn: Date!
  "Free text that may identify people."
  notes: String @sensitive
  "The organisation that recorded it (the record's owner)."
  organisation: Organisation!
  "When it was recorded."
  createdAt: DateTime!
  "When it last changed."
  updatedAt: DateTime!
  "Increases with every change; send it back to update."
  version: Int!
}

"A page of ${n.record}s."
type ${n.record}Connection @partner {
  "The ${n.record}s of this page, each with its cursor."
  edges: [${n.record}Edge!]!
  "Where this page stands in the whole list."
  pageInfo: PageInfo!
  "How many there are in all."
  totalCount: Int!
}

"A ${n.record} with its cursor."
type ${n.record}Edge @partner {
  "Pass it as after to read what follows."
  cursor: String!
  "The ${n.record}."
  node: ${n.record}!
}

"What a new ${n.record} holds."
input Record${n.record}Input {
  "What it is, in a few words."
  title: String!
  "When it happened; never in the future."
  occurredOn: Date!
  "Free text that may identify people."
  notes: String
  "Any unique string: sending the same create again with it returns the first result instead of a copy."
  clientMutationId: String
}

"The fields of a ${n.record} to change; those left out stay as they are."
input Update${n.record}Input {
  "What it is, in a few words."
  title: String
  "When it happened; never in the future."
  occurredOn: Date
  "Free text that may identify people; null clears it."
  notes: String
}
`;

const subgraph = (n: ScaffoldNames) => `import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { ${n.record}Schema } from './${n.feature}/${n.feature}.entity';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

/** The ${n.subgraph} subgraph, as the kit builds it; its routing URL is in supergraph.yaml. */
export const subgraph = defineSubgraph({
  name: '${n.subgraph}',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities: [${n.record}Schema],
  migrations,
  resolvers,
  context: ({ dataSource }) => createContextFactory(dataSource),
});
`;

const context = (n: ScaffoldNames) => `import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { keyedLoader } from '@peacegraph/kit/sql';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { ${n.record}Repository } from './${n.feature}/${n.feature}.repository';
import { ${n.record}Service } from './${n.feature}/${n.feature}.service';

export interface ${n.context} extends PolicyContext {
  ${n.camel}s: ${n.record}Repository;
  ${n.camel}Service: ${n.record}Service;
}

/** Per request: the verified caller, fresh loaders, and services bound to them. */
export function createContextFactory(dataSource: DataSource) {
  const ${n.camel}s = new ${n.record}Repository(dataSource);
  return (viewer: Viewer, audit: AuditRecorder): ${n.context} => {
    const ${n.camel} = keyedLoader((ids: readonly string[]) => ${n.camel}s.byIds(ids), (row) => row.id);
    // A write clears what the loaders read, so a later mutation of the request validates against it.
    const writes = new RecordWrites('${n.subgraph}', dataSource, viewer, audit, () => ${n.camel}.clearAll());
    return { viewer, audit, ${n.camel}s, ${n.camel}Service: new ${n.record}Service(${n.camel}, writes) };
  };
}
`;

const migrationsIndex = (time: number) => `import { Initial${time} } from './${time}-initial';

/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
export const migrations = [Initial${time}];
`;

const migration = (n: ScaffoldNames, time: number) => `import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';
import { OWNED_RECORD_SQL } from '@peacegraph/kit/writes';

export class Initial${time} implements MigrationInterface {
  name = 'Initial${time}';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);
    await db.query(\`
      CREATE TABLE ${n.table} (\${OWNED_RECORD_SQL},
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        occurred_on date NOT NULL,
        notes text CHECK (length(notes) <= 2000))\`);
    // A retried create finds its first result by the caller's key (the kit's createOnce).
    await db.query(\`CREATE UNIQUE INDEX ${n.table}_client_mutation ON ${n.table} (owner_org, client_mutation_id)\`);
    // The list's keyset order: latest first.
    await db.query(\`CREATE INDEX ${n.table}_order ON ${n.table} (occurred_on, id)\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`DROP TABLE ${n.table}, audit_log\`);
  }
}
`;

const resolversIndex = (n: ScaffoldNames) => `import type { Resolvers } from '../generated/resolvers';
import { ${n.record}, ${n.camel}Mutations, ${n.camel}Queries } from '../${n.feature}/${n.feature}.resolvers';

/** Every feature's resolvers, merged; the kit adds the scalars and ${n.subgraph}AuditLog. */
export const resolvers: Resolvers = {
  Query: { ...${n.camel}Queries },
  Mutation: { ...${n.camel}Mutations },
  ${n.record},
};
`;

const mappers = (n: ScaffoldNames) => `/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * \`npm run codegen\` reads every \`<GraphQLType>Mapper\` exported here into src/generated/resolvers.ts.
 */
import type { ${n.record} } from '../${n.feature}/${n.feature}.entity';

// The directory's organisations: this subgraph holds their ids only.
export type { OrganisationMapper } from '@peacegraph/kit/input';
export type ${n.record}Mapper = ${n.record};
`;

const entity = (n: ScaffoldNames) => `import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

export interface ${n.record} extends OwnedRecord {
  title: string;
  /** 'YYYY-MM-DD'. */
  occurredOn: string;
  notes: string | null;
}

export const ${n.record}Schema = new EntitySchema<${n.record}>({
  name: '${n.record}',
  tableName: '${n.table}',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    occurredOn: { type: 'date' },
    notes: { type: 'text', nullable: true },
  },
});
`;

const repository = (n: ScaffoldNames) => `import { In, type DataSource, type Repository } from 'typeorm';
import { keysetConnection, onlyUuids, type Connection, type PageArgs } from '@peacegraph/kit/sql';
import { ${n.record}Schema, type ${n.record} } from './${n.feature}.entity';

/** ${n.record}s as stored: by ids (for the loader) and as a keyset-paginated list, latest first. */
export class ${n.record}Repository {
  private readonly rows: Repository<${n.record}>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(${n.record}Schema);
  }

  byIds(ids: readonly string[]): Promise<${n.record}[]> {
    return this.rows.findBy({ id: In(onlyUuids(ids)) });
  }

  list(page: PageArgs): Promise<Connection<${n.record}>> {
    return keysetConnection(
      this.rows.createQueryBuilder('${n.table}'),
      {
        direction: 'DESC',
        keys: [
          { expression: '${n.table}.occurred_on', type: 'date', value: (row) => row.occurredOn },
          { expression: '${n.table}.id', type: 'uuid', value: (row) => row.id },
        ],
      },
      page,
    );
  }
}
`;

const rules = (
  n: ScaffoldNames,
) => `import { given, notInFuture, notNull, optionalText, Problems, requiredName, type DateInput } from '@peacegraph/kit/input';
import type { ${n.record} } from './${n.feature}.entity';

type Values = Pick<${n.record}, 'title' | 'occurredOn' | 'notes'>;

/** A new ${n.camel}'s values, every problem reported at once (field, plain message), nothing written. */
export function new${n.record}(input: { title: string; occurredOn: DateInput; notes?: string | null }): Values {
  const problems = new Problems();
  return problems.done({
    title: problems.check('input.title', () => requiredName('input.title', input.title, 'The title')),
    occurredOn: problems.check('input.occurredOn', () => notInFuture('input.occurredOn', input.occurredOn, 'The date')),
    notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes')),
  });
}

/** The changes an update makes: a field left out keeps its value; title and date cannot be removed. */
export function ${n.camel}Changes(input: { title?: string | null; occurredOn?: DateInput | null; notes?: string | null }): Partial<Values> {
  const problems = new Problems();
  const title = notNull('input.title', input.title, 'The title');
  const occurredOn = notNull('input.occurredOn', input.occurredOn, 'The date');
  const changes: Partial<Values> = {};
  if (given(title)) changes.title = problems.check('input.title', () => requiredName('input.title', title, 'The title'));
  if (given(occurredOn)) changes.occurredOn = problems.check('input.occurredOn', () => notInFuture('input.occurredOn', occurredOn, 'The date'));
  if (input.notes !== undefined) changes.notes = problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes'));
  return problems.done(changes);
}
`;

const service = (n: ScaffoldNames) => `import type DataLoader from 'dataloader';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { MutationRecord${n.record}Args, MutationUpdate${n.record}Args } from '../generated/resolvers';
import { ${n.record}Schema, type ${n.record} } from './${n.feature}.entity';
import { ${n.camel}Changes, new${n.record} } from './${n.feature}.rules';

const WRITE = { schema: ${n.record}Schema, recordType: '${n.record}' } as const;

/** Writes of ${n.record}s, through the kit's one write path (scope, owner, version, audit, retries). */
export class ${n.record}Service {
  constructor(
    private readonly ${n.camel}: DataLoader<string, ${n.record} | null>,
    private readonly writes: RecordWrites,
  ) {}

  record({ input }: MutationRecord${n.record}Args): Promise<${n.record}> {
    return this.writes.once(${n.record}Schema, input.clientMutationId, (writer) =>
      this.writes.create(writer, new${n.record}(input), input.clientMutationId, {
        ...WRITE,
        operation: 'record${n.record}',
        fields: Object.keys(input),
      }),
    );
  }

  async update({ id, version, input }: MutationUpdate${n.record}Args): Promise<${n.record}> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.${n.camel}.load(id), '${n.record}', id, version);
    return this.writes.update<${n.record}>(current, version, ${n.camel}Changes(input), { ...WRITE, operation: 'update${n.record}', fields: Object.keys(input) });
  }
}
`;

const resolvers = (
  n: ScaffoldNames,
) => `import type { MutationResolvers, QueryResolvers, ${n.record}Resolvers } from '../generated/resolvers';

export const ${n.camel}Queries: QueryResolvers = {
  ${n.camel}: (_, { id }, { ${n.camel}s }) => ${n.camel}s.byIds([id]).then(([row]) => row ?? null),
  ${n.camel}s: (_, args, { ${n.camel}s }) => ${n.camel}s.list(args),
};

export const ${n.camel}Mutations: MutationResolvers = {
  record${n.record}: (_, args, { ${n.camel}Service }) => ${n.camel}Service.record(args),
  update${n.record}: (_, args, { ${n.camel}Service }) => ${n.camel}Service.update(args),
};

export const ${n.record}: ${n.record}Resolvers = {
  organisation: (row) => ({ id: row.ownerOrg }),
};
`;

const support = (n: ScaffoldNames) => `import { serveSubgraphForTest, type ServedForTest } from '@peacegraph/kit/testing';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { subgraph } from '../src/subgraph';

export { ORGS };

export interface ${n.record}sUnderTest extends ServedForTest {
  directory: DirectoryUnderTest;
}

/** The ${n.subgraph} subgraph over HTTP on a fresh migrated database, beside a real directory for callers' identities. */
export async function start${n.subgraph[0]!.toUpperCase()}${n.subgraph.slice(1)}(): Promise<${n.record}sUnderTest> {
  const directory = await startDirectory();
  const served = await serveSubgraphForTest(subgraph, { directoryUrl: directory.url });
  return {
    ...served,
    directory,
    stop: async () => {
      await served.stop();
      await directory.stop();
    },
  };
}
`;

const spec = (n: ScaffoldNames) => {
  const start = `start${n.subgraph[0]!.toUpperCase()}${n.subgraph.slice(1)}`;
  return `import { ok, problemsOf } from '@peacegraph/kit/testing';
import { ORGS, ${start}, type ${n.record}sUnderTest } from '../../test/support';

let sub: ${n.record}sUnderTest;
beforeAll(async () => {
  sub = await ${start}();
});
afterAll(() => sub?.stop());

const RECORD = \`mutation ($input: Record${n.record}Input!) { record${n.record}(input: $input) { id title occurredOn version } }\`;
const READ = \`query ($id: ID!) { ${n.camel}(id: $id) { id title notes organisation { id } } }\`;

describe('${n.record}s over HTTP', () => {
  it('records one, and its owner reads it back with its SENSITIVE notes', async () => {
    const owner = await sub.as(ORGS.educators, '${n.subgraph}:write ${n.subgraph}:sensitive');
    const input = { title: '  First   ${n.camel} ', occurredOn: '2026-01-15', notes: 'Names stay here', clientMutationId: 'first' };
    const created = (await ok<{ record${n.record}: { id: string; title: string; version: number } }>(owner, RECORD, { input })).record${n.record};
    expect(created).toMatchObject({ title: 'First ${n.camel}', version: 1 });

    const again = (await ok<{ record${n.record}: { id: string } }>(owner, RECORD, { input })).record${n.record};
    expect(again.id).toBe(created.id);
    expect(await sub.rows('${n.table}')).toBe(1);

    const read = (await ok<{ ${n.camel}: { notes: string; organisation: { id: string } } }>(owner, READ, { id: created.id })).${n.camel};
    expect(read).toMatchObject({ notes: 'Names stay here', organisation: { id: ORGS.educators } });
  });

  it('withholds the notes from another partner', async () => {
    const owner = await sub.as(ORGS.educators, '${n.subgraph}:write');
    const input = { title: 'Second', occurredOn: '2026-02-01', notes: 'Not for others' };
    const { id } = (await ok<{ record${n.record}: { id: string } }>(owner, RECORD, { input })).record${n.record};
    const other = await sub.as(ORGS.mediators, '${n.subgraph}:sensitive');
    const answer = await other(READ, { id });
    expect(answer.data?.${n.camel}).toMatchObject({ title: 'Second', notes: null });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with every problem at once, and writes nothing', async () => {
    const owner = await sub.as(ORGS.educators, '${n.subgraph}:write');
    const before = await sub.rows('${n.table}');
    const answer = await owner(RECORD, { input: { title: '   ', occurredOn: '2999-01-01' } });
    expect(problemsOf(answer.errors).map(([field]) => field).sort()).toEqual(['input.occurredOn', 'input.title']);
    expect(await sub.rows('${n.table}')).toBe(before);
  });

  it('refuses a write without ${n.subgraph}:write', async () => {
    const reader = await sub.as(ORGS.educators, '${n.subgraph}:read');
    const answer = await reader(RECORD, { input: { title: 'No scope', occurredOn: '2026-01-01' } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
`;
};

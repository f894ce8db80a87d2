/**
 * `npm run schema -- <command>`: the registry from a terminal or CI, with PEACEGRAPH_TOKEN (a token or
 * an API key) and --registry (default PEACEGRAPH_REGISTRY or http://localhost:4010).
 *
 *   check <subgraph> <sdl-file> [--usage-days N]
 *   publish <subgraph> <sdl-file> [--url <routing url>] [--message …]
 *   history [<subgraph>]
 *   diff <from> <to>                      composition or version ids
 *   rollback <composition-id> [--reason …]
 *   approve <check-id> [--reason …]
 *   documents <client-application-id> <manifest.json>   persisted documents ({ "<sha256>": "<document>" })
 *
 * Each takes --json. Exit 0: done and passed; 1: a check failed, a publish was refused or the registry
 * said no; 2: the command line is wrong.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  printCheck,
  printDiff,
  printHistory,
  printPublish,
  type CheckView,
  type DiffView,
  type HistoryView,
  type PublishView,
} from './schema-cli/print';
import { registryClient, RegistryRefusal } from './schema-cli/client';

const USAGE = `Usage: npm run schema -- <command> [options]
  check <subgraph> <sdl-file> [--usage-days N]
  publish <subgraph> <sdl-file> [--url <routing url>] [--message <text>]
  history [<subgraph>]
  diff <from-id> <to-id>
  rollback <composition-id> [--reason <text>]
  approve <check-id> [--reason <text>]
  documents <client-application-id> <manifest.json>
Options: --registry <url> (or PEACEGRAPH_REGISTRY), --json; the token is read from PEACEGRAPH_TOKEN.`;

const CHECK_FIELDS = `id subgraph passed composed usageDays
  findings { kind severity code message subgraph line column coordinate }
  changes { criticality type message coordinate usedBy { name signature clientName clientVersion organisationId count } approval { approvedBy reason } }`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      registry: { type: 'string' },
      json: { type: 'boolean', default: false },
      url: { type: 'string' },
      message: { type: 'string' },
      reason: { type: 'string' },
      'usage-days': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const token = process.env.PEACEGRAPH_TOKEN;
  if (!token) throw new UsageError('PEACEGRAPH_TOKEN is not set: npm start prints a development token, or use an API key');
  const client = registryClient(values.registry ?? process.env.PEACEGRAPH_REGISTRY ?? 'http://localhost:4010', token);
  const out = (text: string, json: unknown) => process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  const usageDays = values['usage-days'] === undefined ? undefined : Number(values['usage-days']);
  if (usageDays !== undefined && !Number.isInteger(usageDays)) throw new UsageError('--usage-days takes a whole number of days');

  switch (command) {
    case 'check': {
      const [subgraph, file] = args(rest, 2, 'check <subgraph> <sdl-file>');
      const { checkSchema } = await client.request<{ checkSchema: CheckView }>(
        `mutation ($input: SchemaInput!) { checkSchema(input: $input) { ${CHECK_FIELDS} } }`,
        { input: { subgraph, sdl: readSdl(file), usageDays } },
      );
      out(printCheck(checkSchema), checkSchema);
      return checkSchema.passed ? 0 : 1;
    }
    case 'publish': {
      const [subgraph, file] = args(rest, 2, 'publish <subgraph> <sdl-file>');
      const { publishSchema } = await client.request<{ publishSchema: PublishView }>(
        `mutation ($input: PublishInput!) { publishSchema(input: $input) {
           outcome reasons version { id state } launch { id reason composition { id } } check { ${CHECK_FIELDS} } } }`,
        { input: { subgraph, sdl: readSdl(file), routingUrl: values.url, message: values.message, usageDays } },
      );
      out(printPublish(publishSchema), publishSchema);
      return publishSchema.outcome === 'REFUSED' ? 1 : 0;
    }
    case 'history': {
      const [subgraph] = args(rest, 0, 'history [<subgraph>]', 1);
      const history = await client.request<HistoryView>(
        `query ($subgraph: String) {
           launches(first: 20) { nodes { id reason actor launchedAt live message composition { id } version { subgraph } } }
           schemaVersions(subgraph: $subgraph, first: 20) { nodes { id subgraph state stateReason author message createdAt } } }`,
        { subgraph },
      );
      out(printHistory(history), history);
      return 0;
    }
    case 'diff': {
      const [from, to] = args(rest, 2, 'diff <from-id> <to-id>');
      const { diff } = await client.request<{ diff: DiffView }>(
        `query ($from: ID!, $to: ID!) { diff(from: $from, to: $to) { from to changes { criticality type message coordinate } } }`,
        { from, to },
      );
      out(printDiff(diff), diff);
      return 0;
    }
    case 'rollback': {
      const [compositionId] = args(rest, 1, 'rollback <composition-id>');
      const { rollback } = await client.request<{ rollback: { id: string; launchedAt: string; composition: { id: string } } }>(
        `mutation ($id: ID!, $reason: String!) { rollback(compositionId: $id, reason: $reason) { id launchedAt composition { id } } }`,
        { id: compositionId, reason: values.reason ?? 'rolled back with npm run schema' },
      );
      out(`Rolled back: composition ${rollback.composition.id} is live again (launch ${rollback.id}).`, rollback);
      return 0;
    }
    case 'approve': {
      const [checkId] = args(rest, 1, 'approve <check-id>');
      const { approveCheck } = await client.request<{ approveCheck: CheckView }>(
        `mutation ($id: ID!, $reason: String) { approveCheck(id: $id, reason: $reason) { ${CHECK_FIELDS} } }`,
        { id: checkId, reason: values.reason },
      );
      out(`Approved the breaking changes of check ${approveCheck.id}:\n${printCheck(approveCheck)}`, approveCheck);
      return 0;
    }
    case 'documents': {
      const [clientApplicationId, file] = args(rest, 2, 'documents <client-application-id> <manifest.json>');
      const { uploadPersistedDocuments: upload } = await client.request<{
        uploadPersistedDocuments: { added: number; unchanged: number; documentIds: string[]; clientApplication: { name: string } };
      }>(
        `mutation ($id: ID!, $documents: [PersistedDocumentInput!]!) {
           uploadPersistedDocuments(clientApplicationId: $id, documents: $documents) { added unchanged documentIds clientApplication { name } } }`,
        { id: clientApplicationId, documents: readManifest(file) },
      );
      out(
        `Uploaded ${upload.documentIds.length} document(s) for ${upload.clientApplication.name}: ${upload.added} new, ${upload.unchanged} already registered.`,
        upload,
      );
      return 0;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

function args(rest: string[], count: number, shape: string, optional = 0): string[] {
  if (rest.length < count || rest.length > count + optional)
    throw new UsageError(`${shape}: expected ${count === 0 ? 'at most 1' : count} argument(s)`);
  return rest;
}

function readSdl(file: string | undefined): string {
  try {
    return fs.readFileSync(file!, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the schema file "${file}"`);
  }
}

/** graphql-codegen's client preset writes `{ "<sha256 hex>": "<document>" }` (persisted-documents.json). */
function readManifest(file: string | undefined): { id: string; body: string }[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file!, 'utf8'));
  } catch {
    throw new UsageError(`Cannot read the manifest "${file}" as JSON`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new UsageError('A manifest is a JSON object { "<sha256 hex>": "<document>" }');
  const entries = Object.entries(manifest);
  if (entries.some(([, body]) => typeof body !== 'string')) throw new UsageError('Every value of the manifest is a document (a string)');
  return entries.map(([id, body]) => ({ id, body: body as string }));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof RegistryRefusal) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`The registry could not be reached: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  },
);

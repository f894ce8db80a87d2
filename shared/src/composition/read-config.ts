import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { version as composerVersion } from '@apollo/composition/package.json';

/**
 * `supergraph.yaml`, in the format of `rover supergraph compose`, so that a team moving to rover or the
 * Apollo Router keeps its file. Only what can be composed offline is accepted: a schema file per subgraph.
 */
export interface SupergraphConfig {
  configPath: string;
  federationVersion: string;
  subgraphs: SubgraphSource[];
}

export interface SubgraphSource {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's SDL file. */
  schemaFile: string;
}

export class SupergraphConfigError extends Error {
  constructor(
    readonly configPath: string,
    readonly problems: string[],
  ) {
    super(`${configPath} is not a usable supergraph config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SupergraphConfigError';
  }
}

export const COMPOSER_VERSION: string = composerVersion;

/** A subgraph name becomes an enum value in the supergraph and part of an env var name. */
const SUBGRAPH_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export async function readSupergraphConfig(configPath: string): Promise<SupergraphConfig> {
  const absolute = path.resolve(configPath);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch {
    throw new SupergraphConfigError(absolute, ['the file cannot be read (does it exist?)']);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new SupergraphConfigError(absolute, [`it is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  return validate(raw, absolute);
}

async function validate(raw: unknown, configPath: string): Promise<SupergraphConfig> {
  const problems: string[] = [];
  if (!isRecord(raw)) throw new SupergraphConfigError(configPath, ['it must be a YAML mapping with `subgraphs`']);

  const federationVersion = checkFederationVersion(raw.federation_version, problems);

  const subgraphs: SubgraphSource[] = [];
  if (!isRecord(raw.subgraphs) || Object.keys(raw.subgraphs).length === 0) {
    problems.push('`subgraphs` must list at least one subgraph');
  } else {
    for (const [name, entry] of Object.entries(raw.subgraphs)) {
      const source = await checkSubgraph(name, entry, path.dirname(configPath), problems);
      if (source) subgraphs.push(source);
    }
  }
  if (problems.length > 0) throw new SupergraphConfigError(configPath, problems);
  return { configPath, federationVersion, subgraphs };
}

/**
 * rover reads `=2.x.y` as "compose with exactly that version" and `2` as "latest 2.x". We compose with
 * the installed library, so an exact version must be that one or the file would promise something else.
 */
function checkFederationVersion(value: unknown, problems: string[]): string {
  if (value === undefined) return `=${COMPOSER_VERSION}`;
  const text = String(value).trim();
  if (text === '2') return text;
  const exact = /^=(\d+\.\d+\.\d+)$/.exec(text);
  if (!exact) {
    problems.push(`federation_version must be "2" or "=${COMPOSER_VERSION}", got "${text}"`);
  } else if (exact[1] !== COMPOSER_VERSION) {
    problems.push(
      `federation_version asks for ${text} but the installed @apollo/composition is ${COMPOSER_VERSION}; ` +
        `write federation_version: =${COMPOSER_VERSION}`,
    );
  }
  return text;
}

async function checkSubgraph(name: string, entry: unknown, baseDir: string, problems: string[]): Promise<SubgraphSource | undefined> {
  const where = `subgraphs.${name}`;
  const before = problems.length;
  if (!SUBGRAPH_NAME.test(name)) {
    problems.push(`${where}: a subgraph name starts with a letter and has only letters, digits, "_" and "-"`);
  }
  if (!isRecord(entry)) {
    problems.push(`${where} must have routing_url and schema.file`);
    return undefined;
  }

  const routingUrl = entry.routing_url;
  if (typeof routingUrl !== 'string' || !isHttpUrl(routingUrl)) {
    problems.push(`${where}.routing_url must be an http(s) URL, got ${JSON.stringify(routingUrl ?? null)}`);
  }

  const schema = entry.schema;
  let schemaFile: string | undefined;
  if (!isRecord(schema)) {
    problems.push(`${where}.schema.file is required`);
  } else if ('subgraph_url' in schema || 'graphref' in schema) {
    problems.push(`${where}.schema: only schema.file is supported; composition runs offline from committed SDL`);
  } else if (typeof schema.file !== 'string' || schema.file === '') {
    problems.push(`${where}.schema.file must be a path to the subgraph's SDL`);
  } else {
    schemaFile = path.resolve(baseDir, schema.file);
    if (!(await isFile(schemaFile))) problems.push(`${where}.schema.file: ${schema.file} does not exist`);
  }

  if (problems.length > before || typeof routingUrl !== 'string' || !schemaFile) return undefined;
  return { name, routingUrl, schemaFile };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

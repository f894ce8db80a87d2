import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { version as composerVersion } from '@theguild/federation-composition/package.json';

/**
 * `supergraph.yaml`, in the format of `rover supergraph compose`, so that a team moving to rover or the
 * Apollo Router keeps its file. Only what can be composed offline is accepted: a schema file per subgraph.
 */
export interface SupergraphConfig {
  configPath: string;
  /** rover's `federation_version`: `2`, Federation 2 (what the Guild's composer composes). */
  federationVersion: string;
  /** Our own key, which rover ignores: the composer and its version, `COMPOSER`. */
  composer: string;
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

/** The installed composer's version, and the composer as supergraph.yaml's `composer` names it. */
export const COMPOSER_VERSION: string = composerVersion;
export const COMPOSER = `@theguild/federation-composition@${COMPOSER_VERSION}`;

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
  const composer = checkComposer(raw.composer, problems);

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
  return { configPath, federationVersion, composer, subgraphs };
}

/**
 * rover reads `=2.x.y` as "compose with exactly that version of Apollo's composition" and `2` as "with
 * the latest 2.x". We compose with the Guild's composer, not Apollo's, so an exact Apollo version would
 * promise a composer that does not run; `2` says what is true for both: the subgraphs are Federation 2.
 */
function checkFederationVersion(value: unknown, problems: string[]): string {
  if (value === undefined) return '2';
  const text = String(value).trim();
  if (text === '2') return text;
  if (/^=2\.\d+\.\d+$/.test(text)) {
    problems.push(
      `federation_version ${text} pins Apollo's composition, but this file is composed with ${COMPOSER}; ` +
        `write federation_version: 2 (and composer: "${COMPOSER}" to pin ours)`,
    );
  } else {
    problems.push(`federation_version must be 2, got "${text}"`);
  }
  return text;
}

/**
 * `composer` names the library and exact version that compose the file, so that the file and the
 * installed composer cannot drift apart silently: a composer upgrade is a commit that changes both.
 */
function checkComposer(value: unknown, problems: string[]): string {
  if (value === undefined) return COMPOSER;
  const text = String(value).trim();
  if (text !== COMPOSER)
    problems.push(`composer asks for "${text}" but the installed composer is ${COMPOSER}; write composer: "${COMPOSER}"`);
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

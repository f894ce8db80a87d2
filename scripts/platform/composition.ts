import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { COMPOSER_VERSION, composeSupergraph, describeReport, readSupergraphConfig } from '@peacegraph/kit/composition';

/** Where npm start keeps what its last composition was made from (git-ignored, beside the database). */
export const COMPOSITION_STAMP = path.join('.data', 'composition.sha256');

/**
 * What a composition is made from: the composer's version, supergraph.yaml, each subgraph's schema
 * file it names, and the supergraph file written from them (edited by hand, or by `npm run compose`
 * from other inputs, it is composed again).
 */
async function inputsHash(configPath: string, supergraphPath: string): Promise<string | undefined> {
  const hash = createHash('sha256').update(COMPOSER_VERSION).update('\0');
  try {
    const config = await readSupergraphConfig(configPath);
    for (const file of [configPath, ...config.subgraphs.map((s) => path.resolve(s.schemaFile)), supergraphPath]) {
      hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  } catch {
    return undefined; // a missing or unreadable input: composing says what is wrong
  }
  return hash.digest('hex');
}

/**
 * Composes supergraph.yaml into the supergraph file, as npm start always did, unless nothing it is
 * made from changed since the last composition that succeeded here (about a second of a start's
 * critical path, before anything else can start). Throws, with the composer's problems, when the
 * subgraphs do not compose. Returns whether it composed.
 */
export async function composeIfChanged(root: string, configPath: string, supergraphPath: string): Promise<boolean> {
  const stamp = path.join(root, COMPOSITION_STAMP);
  const before = await inputsHash(configPath, supergraphPath);
  if (before !== undefined && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === before) return false;
  // The registry decides what is live under npm start; this file is the offline copy, written as it is.
  const composition = await composeSupergraph({ configPath, outPath: supergraphPath, allowBreaking: true });
  if (!composition.ok) throw new Error(`the supergraph does not compose:\n${describeReport(composition).join('\n')}`);
  const after = await inputsHash(configPath, supergraphPath);
  if (after !== undefined) {
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(stamp, after);
  }
  return true;
}

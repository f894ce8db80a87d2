import type { RegistryDocuments } from './registry-documents';

/**
 * Apollo Server's cache of automatic persisted queries, taught the registry's documents: a hash it
 * has not been sent before is looked up among the documents client applications registered, so an
 * app whose build registered its operations gets them answered from the first request by hash, with
 * no round trip to send the query. What callers register by APQ is held here, in memory, at most
 * `maxChars` characters of queries (least recently used out first), per gateway process.
 */
export class RegisteredDocumentsApqCache {
  private readonly held = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly documents: RegistryDocuments | undefined,
    private readonly maxChars = 10_000_000,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const local = this.held.get(key);
    if (local !== undefined) {
      this.held.delete(key);
      this.held.set(key, local);
      return local;
    }
    // Apollo Server prefixes its keys ("apq:<sha256>"); a registered document's id is the sha256 of its text.
    const hash = /([0-9a-f]{64})$/.exec(key)?.[1];
    if (!hash || !this.documents) return undefined;
    const found = await this.documents.lookup(hash);
    return 'found' in found ? found.found.body : undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.delete(key);
    this.held.set(key, value);
    this.chars += value.length;
    while (this.chars > this.maxChars && this.held.size > 1) await this.delete(this.held.keys().next().value!);
  }

  async delete(key: string): Promise<boolean> {
    const value = this.held.get(key);
    if (value === undefined) return false;
    this.chars -= value.length;
    return this.held.delete(key);
  }
}

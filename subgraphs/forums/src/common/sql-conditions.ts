import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { onlyUuids } from '@peacegraph/kit/sql';
import type { RecommendationFilter } from '../recommendation/recommendation.repository';

/**
 * Conditions for hand-written statements (search, implementation figures), with positional parameters
 * appended to `params`: values travel as parameters, and column names come from this code only.
 */
export class Conditions {
  readonly sql: string[] = [];

  constructor(readonly params: unknown[]) {}

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${this.params.length}::${cast}`;
  }

  add(condition: string): this {
    this.sql.push(condition);
    return this;
  }

  id(column: string, id: string | null | undefined): this {
    if (!id) return this;
    return this.add(onlyUuids([id]).length ? `${column} = ${this.param(id, 'uuid')}` : 'false');
  }

  equals(column: string, value: string | null | undefined): this {
    return value ? this.add(`${column} = ${this.param(value, 'text')}`) : this;
  }

  within(column: string, pcode: string | null | undefined): this {
    if (!pcode) return this;
    // The pattern admits only letters and digits, so the value cannot carry LIKE wildcards.
    if (!PCODE_PATTERN.test(pcode)) throw new Error(`Not a P-code: ${pcode}`);
    return this.add(`${column} LIKE ${this.param(`${pcode}%`, 'text')}`);
  }

  /** The record's forum was held in this country and area (and below). */
  forumPlace(column: string, country: string | null | undefined, adminArea?: string | null): this {
    if (!country && !adminArea) return this;
    const inner = new Conditions(this.params).equals('fp.country_code', country).within('fp.admin_pcode', adminArea);
    return this.add(`${column} IN (SELECT fp.id FROM forum fp WHERE ${inner.sql.join(' AND ')})`);
  }

  recommendation(alias: string, filter: RecommendationFilter): this {
    this.id(`${alias}.declaration_id`, filter.declaration).id(`${alias}.forum_id`, filter.forum);
    this.forumPlace(`${alias}.forum_id`, filter.country, filter.adminArea).within(`${alias}.addressed_pcode`, filter.addressedArea);
    this.equals(`${alias}.theme`, filter.theme).equals(`${alias}.addressee`, filter.addressee).equals(`${alias}.status`, filter.status);
    if (filter.adoptedFrom) this.add(`${alias}.adopted_on >= ${this.param(filter.adoptedFrom, 'date')}`);
    if (filter.adoptedTo) this.add(`${alias}.adopted_on <= ${this.param(filter.adoptedTo, 'date')}`);
    return this;
  }

  where(): string {
    return this.sql.length ? this.sql.join(' AND ') : 'true';
  }
}

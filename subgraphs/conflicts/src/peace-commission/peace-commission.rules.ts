import { badInput } from '@peacegraph/kit/errors';
import { COMMISSION_ROLES, type CommissionRole } from '../common/values';
import { type MembershipCount } from './peace-commission.entity';
import type { CommissionMembershipInput } from '../generated/resolvers';

export const MAX_PER_ROLE = 100;

/**
 * A commission's members as counts by role and sex, every role present (zero where none): names are
 * never asked for, so they cannot be stored. A commission has at least one member, and its women's
 * representative is a woman.
 */
export function cleanMembership(field: string, input: readonly CommissionMembershipInput[]): MembershipCount[] {
  const given = new Map<CommissionRole, CommissionMembershipInput>();
  input.forEach((entry, i) => {
    const at = `${field}.${i}`;
    if (!COMMISSION_ROLES.includes(entry.role)) throw badInput(`${at}.role`, `Unknown role ${entry.role}`);
    if (given.has(entry.role)) throw badInput(`${at}.role`, `${entry.role} is listed twice; give each role once with its women and men`);
    for (const sex of ['women', 'men'] as const) {
      const count = entry[sex];
      if (!Number.isInteger(count) || count < 0 || count > MAX_PER_ROLE) {
        throw badInput(`${at}.${sex}`, `${sex} must be a whole number from 0 to ${MAX_PER_ROLE}, got ${count}`);
      }
    }
    if (entry.role === 'WOMENS_REPRESENTATIVE' && entry.men > 0) {
      throw badInput(`${at}.men`, "The women's representative is a woman: count her under women");
    }
    given.set(entry.role, entry);
  });
  const membership = COMMISSION_ROLES.map((role) => ({ role, women: given.get(role)?.women ?? 0, men: given.get(role)?.men ?? 0 }));
  if (membersOf(membership).total === 0) throw badInput(field, 'A peace commission has at least one member');
  return membership;
}

export function membersOf(membership: readonly MembershipCount[]): { women: number; men: number; total: number } {
  const women = membership.reduce((n, m) => n + m.women, 0);
  const men = membership.reduce((n, m) => n + m.men, 0);
  return { women, men, total: women + men };
}

import { holdsId, idEquals, withinArea, type Bind } from '@peacegraph/kit/sql';
import type { TrainingKind, EcpfComponent } from '../common/values';

export interface TrainingFilter {
  kind?: TrainingKind | null;
  community?: string | null;
  site?: string | null;
  country?: string | null;
  adminArea?: string | null;
  trainer?: string | null;
  instrument?: string | null;
  provision?: string | null;
  ecpfComponent?: EcpfComponent | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The conditions of a training filter on the alias `t`: the same for lists (query builder) and
 * aggregates (raw statements), so a list and its figures always select the same trainings.
 */
export function trainingConditions(filter: TrainingFilter, t: string, bind: Bind): string[] {
  const where: string[] = [];
  if (filter.kind) where.push(`${t}.kind = ${bind(filter.kind)}`);
  if (filter.community) where.push(idEquals(`${t}.community_id`, filter.community, bind));
  if (filter.site) where.push(idEquals(`${t}.site_id`, filter.site, bind));
  if (filter.country) where.push(`${t}.country_code = ${bind(filter.country)}`);
  if (filter.adminArea) where.push(withinArea(`${t}.admin_pcode`, filter.adminArea, bind));
  if (filter.trainer) where.push(holdsId(`${t}.trainer_ids`, filter.trainer, 'uuid', bind));
  if (filter.instrument) where.push(idEquals(`${t}.instrument_id`, filter.instrument, bind));
  if (filter.provision) where.push(holdsId(`${t}.provision_ids`, filter.provision, 'uuid', bind));
  if (filter.ecpfComponent) where.push(holdsId(`${t}.ecpf_components`, filter.ecpfComponent, 'text', bind));
  if (filter.organisation) where.push(idEquals(`${t}.owner_org`, filter.organisation, bind));
  if (filter.from) where.push(`${t}.starts_on >= ${bind(filter.from)}`);
  if (filter.to) where.push(`${t}.starts_on <= ${bind(filter.to)}`);
  return where;
}

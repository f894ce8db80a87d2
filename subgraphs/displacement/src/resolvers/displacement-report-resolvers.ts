import { isoDate, type PageArgs } from '@peacegraph/kit';
import type { DisplacementContext as C } from '../context';
import type { DisplacementReport as ReportRow } from '../entities/displacement';
import type { DisplacementReportFilter } from '../repositories/displacement-report-repository';
import type { IdpsOverTimeArgs } from '../services/displacement-figures-service';
import { discloseLine, discloseOne, discloseOptional, discloseSexAndAge } from '../services/displacement-disclosure';
import { adminAreaRef, organisationRef, ownsRecord, sqlDates } from './displacement-references';

type Id = { id: string };

export const displacementReportQueries = {
  displacementReport: (_: unknown, { id }: Id, { loaders }: C) => loaders.displacementReport.load(id),
  displacementReports: (_: unknown, args: { filter?: DisplacementReportFilter | null } & PageArgs, { repositories }: C) =>
    repositories.displacementReports.list(sqlDates(args.filter, ['from', 'to']), args),
  idpsOverTime: (_: unknown, args: IdpsOverTimeArgs, { displacementFigures }: C) => displacementFigures.idpsOverTime(args),
  idmcDisplacementFigures: (
    _: unknown,
    args: { country: string; fromYear?: number | null; toYear?: number | null },
    { displacementFigures }: C,
  ) => displacementFigures.idmcFigures(args.country, args.fromYear, args.toYear),
};

type Update<I> = { id: string; version: number; input: I };

export const displacementReportMutations = {
  recordDisplacementReport: (
    _: unknown,
    { input }: { input: Parameters<C['displacementReports']['record']>[0] },
    { displacementReports }: C,
  ) => displacementReports.record(input),
  updateDisplacementReport: (
    _: unknown,
    { id, version, input }: Update<Parameters<C['displacementReports']['update']>[2]>,
    { displacementReports }: C,
  ) => displacementReports.update(id, version, input),
};

/** A report's counts: exact for its owner, disclosure-controlled for everyone else. */
export const DisplacementReport = {
  adminArea: (report: ReportRow) => adminAreaRef(report.adminPcode),
  country: (report: ReportRow) => report.countryCode,
  dataDate: (report: ReportRow) => isoDate(report.dataDate),
  idpIndividuals: (report: ReportRow, _: unknown, { viewer }: C) => discloseOne(report.idpIndividuals, ownsRecord(viewer, report.ownerOrg)),
  idpHouseholds: (report: ReportRow, _: unknown, { viewer }: C) => discloseOne(report.idpHouseholds, ownsRecord(viewer, report.ownerOrg)),
  returneeIndividuals: (report: ReportRow, _: unknown, { viewer }: C) =>
    discloseOptional(report.returneeIndividuals, ownsRecord(viewer, report.ownerOrg)),
  returneeHouseholds: (report: ReportRow, _: unknown, { viewer }: C) =>
    discloseOptional(report.returneeHouseholds, ownsRecord(viewer, report.ownerOrg)),
  idpsBySexAndAge: (report: ReportRow, _: unknown, { viewer }: C) =>
    discloseSexAndAge(
      report.idpsBySexAndAge.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.individuals })),
      ownsRecord(viewer, report.ownerOrg),
    ).groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, individuals: g.count })),
  reasons: (report: ReportRow, _: unknown, { viewer }: C) => {
    const line = discloseLine(
      report.reasons.map((r) => r.individuals),
      ownsRecord(viewer, report.ownerOrg),
    );
    return report.reasons.map((r, i) => ({ reason: r.reason, individuals: line.cells[i] }));
  },
  origins: (report: ReportRow, _: unknown, { viewer }: C) => {
    const line = discloseLine(
      report.origins.map((o) => o.individuals),
      ownsRecord(viewer, report.ownerOrg),
    );
    return report.origins.map((o, i) => ({ adminArea: adminAreaRef(o.pcode), individuals: line.cells[i] }));
  },
  recordedBy: (report: ReportRow) => organisationRef(report.ownerOrg),
};

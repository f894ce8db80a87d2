import { isoDate } from '@peacegraph/kit/input';
import type { DisplacementReportResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { discloseLine, discloseOne, discloseOptional, discloseSexAndAge } from '../common/disclosure';
import { adminAreaRef, organisationRef, ownsRecord, sqlDates } from '../common/references';

export const displacementReportQueries: QueryResolvers = {
  displacementReport: (_, { id }, { loaders }) => loaders.displacementReport.load(id),
  displacementReports: (_, args, { repositories }) => repositories.displacementReports.list(sqlDates(args.filter, ['from', 'to']), args),
  idmcDisplacementFigures: (_, args, { displacementFigures }) => displacementFigures.idmcFigures(args.country, args.fromYear, args.toYear),
};

export const displacementReportMutations: MutationResolvers = {
  recordDisplacementReport: (_, { input }, { displacementReports }) => displacementReports.record(input),
  updateDisplacementReport: (_, { id, version, input }, { displacementReports }) => displacementReports.update(id, version, input),
};

/** A report's counts: exact for its owner, disclosure-controlled for everyone else. */
export const DisplacementReport: DisplacementReportResolvers = {
  adminArea: (report) => adminAreaRef(report.adminPcode),
  country: (report) => report.countryCode,
  dataDate: (report) => isoDate(report.dataDate),
  idpIndividuals: (report, _, { viewer }) => discloseOne(report.idpIndividuals, ownsRecord(viewer, report.ownerOrg)),
  idpHouseholds: (report, _, { viewer }) => discloseOne(report.idpHouseholds, ownsRecord(viewer, report.ownerOrg)),
  returneeIndividuals: (report, _, { viewer }) => discloseOptional(report.returneeIndividuals, ownsRecord(viewer, report.ownerOrg)),
  returneeHouseholds: (report, _, { viewer }) => discloseOptional(report.returneeHouseholds, ownsRecord(viewer, report.ownerOrg)),
  idpsBySexAndAge: (report, _, { viewer }) =>
    discloseSexAndAge(
      report.idpsBySexAndAge.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.individuals })),
      ownsRecord(viewer, report.ownerOrg),
    ).groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, individuals: g.count })),
  reasons: (report, _, { viewer }) => {
    const line = discloseLine(
      report.reasons.map((r) => r.individuals),
      ownsRecord(viewer, report.ownerOrg),
    );
    return report.reasons.map((r, i) => ({ reason: r.reason, individuals: line.cells[i]! }));
  },
  origins: (report, _, { viewer }) => {
    const line = discloseLine(
      report.origins.map((o) => o.individuals),
      ownsRecord(viewer, report.ownerOrg),
    );
    return report.origins.map((o, i) => ({ adminArea: adminAreaRef(o.pcode), individuals: line.cells[i]! }));
  },
  recordedBy: (report) => organisationRef(report.ownerOrg),
};

import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { DisplacementAgeGroup, DisplacementReason, DisplacementSex } from '../common/displacement-values';

export interface IdpGroup {
  sex: DisplacementSex;
  ageGroup: DisplacementAgeGroup;
  individuals: number;
}

export interface ReasonCount {
  reason: DisplacementReason;
  individuals: number;
}

export interface OriginCount {
  /** The admin area people fled from. */
  pcode: string;
  individuals: number;
}

/**
 * One mobility-tracking round for one admin area (level 1 or 2): stocks of displaced people and
 * returnees on the date of the data. Breakdowns are part of the report and replaced with it.
 */
export interface DisplacementReport extends OwnedRecord {
  adminPcode: string;
  adminLevel: number;
  admin1Pcode: string;
  countryCode: string;
  roundNumber: number;
  roundName: string | null;
  dataDate: string;
  idpIndividuals: number;
  idpHouseholds: number;
  returneeIndividuals: number | null;
  returneeHouseholds: number | null;
  /** Empty when the round did not break IDPs down by sex and age. */
  idpsBySexAndAge: IdpGroup[];
  reasons: ReasonCount[];
  origins: OriginCount[];
}

export const DisplacementReportSchema = new EntitySchema<DisplacementReport>({
  name: 'DisplacementReport',
  tableName: 'displacement_report',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    adminPcode: { type: 'text' },
    adminLevel: { type: 'smallint' },
    admin1Pcode: { type: 'text' },
    countryCode: { type: 'char', length: 2 },
    roundNumber: { type: 'integer' },
    roundName: { type: 'text', nullable: true },
    dataDate: { type: 'date' },
    idpIndividuals: { type: 'integer' },
    idpHouseholds: { type: 'integer' },
    returneeIndividuals: { type: 'integer', nullable: true },
    returneeHouseholds: { type: 'integer', nullable: true },
    idpsBySexAndAge: { type: 'jsonb' },
    reasons: { type: 'jsonb' },
    origins: { type: 'jsonb' },
  },
});

/** A country's year in IDMC's Global Internal Displacement Database: blank cells are unknown, not zero. */
export interface IdmcDisplacementFigure {
  countryCode: string;
  iso3: string;
  year: number;
  newDisplacements: number | null;
  newDisplacementsRounded: number | null;
  totalIdps: number | null;
  totalIdpsRounded: number | null;
}

export const IdmcDisplacementFigureSchema = new EntitySchema<IdmcDisplacementFigure>({
  name: 'IdmcDisplacementFigure',
  tableName: 'idmc_displacement_figure',
  columns: {
    countryCode: { type: 'char', length: 2, primary: true },
    year: { type: 'integer', primary: true },
    iso3: { type: 'char', length: 3 },
    newDisplacements: { type: 'integer', nullable: true },
    newDisplacementsRounded: { type: 'integer', nullable: true },
    totalIdps: { type: 'integer', nullable: true },
    totalIdpsRounded: { type: 'integer', nullable: true },
  },
});

import type { DataSource } from 'typeorm';
import { AlertRepository } from './transhumance/alert-repository';
import { CorridorRepository } from './transhumance/corridor-repository';
import { FlowRepository } from './transhumance/flow-repository';
import { CountingPointRepository, SpotRepository } from './transhumance/place-repository';

/** Corridors, spots, counting points, flows and alerts: the only transhumance code touching TypeORM. */
export function createTranshumanceRepositories(dataSource: DataSource) {
  return {
    transhumanceCorridors: new CorridorRepository(dataSource),
    sensitiveSpots: new SpotRepository(dataSource),
    countingPoints: new CountingPointRepository(dataSource),
    flowObservations: new FlowRepository(dataSource),
    transhumanceAlerts: new AlertRepository(dataSource),
  };
}

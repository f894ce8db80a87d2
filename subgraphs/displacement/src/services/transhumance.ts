import type { ServiceDependencies } from '../context';
import { TranshumanceAggregates } from './transhumance/aggregate-service';
import { AlertService } from './transhumance/alert-service';
import { CorridorService } from './transhumance/corridor-service';
import { EarlyActionService } from './transhumance/early-action-service';
import { FlowService } from './transhumance/flow-service';
import { PlaceService } from './transhumance/place-service';

/** Corridors, sensitive spots, flow observations, alerts and the early-action rules. */
export function createTranshumanceServices(deps: ServiceDependencies) {
  const earlyAction = new EarlyActionService(deps);
  return {
    transhumanceCorridors: new CorridorService(deps),
    transhumancePlaces: new PlaceService(deps),
    transhumanceFlows: new FlowService(deps, earlyAction),
    transhumanceEarlyAction: earlyAction,
    transhumanceAlerts: new AlertService(deps),
    transhumanceAggregates: new TranshumanceAggregates(deps),
  };
}

/**
 * The simulator: a deterministic, virtual-time model of the Job, CronJob and DaemonSet
 * controllers. Pure: no Node APIs, no wall clock, no Math.random.
 */

export {
  simulate,
  DEFAULT_CRONJOB_JOBS,
  type SimulationResult,
  type SimulationError,
  type SimulateOptions,
} from './simulate';
export {
  simulateDocument,
  type SimulateDocumentResult,
  type SimulateDocumentError,
  type SimulateDocumentOptions,
} from './simulateDocument';
export {
  parseScenario,
  DEFAULT_SCENARIO,
  DEFAULT_START,
  DEFAULT_NODES,
  DEFAULT_LIMITS,
  type ScenarioError,
  type ScenarioParseResult,
} from './parseScenario';
export type * from './scenarioTypes';
export type * from './timeline';
export { TIMELINE_FORMAT_VERSION } from './timeline';
export { formatTimelineText } from './formatTimelineText';
export { workloadModel, type WorkloadModel } from '../workload/workloadModel';
export { scenarioPathFor, isScenarioPath, SCENARIO_SUFFIX } from './scenarioLocation';

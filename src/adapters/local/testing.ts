/** Test doubles for the Clock and Ids ports, for domain, application and contract tests. */
export { FixedClock } from './fixed-clock';
export { SequentialIds } from './sequential-ids';

export type { AccessTokenProvider } from './access-token-provider';
export { GraphApi, GRAPH_ORIGIN, type GraphApiOptions } from './graph-api';
export { GraphCalendar, HELHED_MEETING_ID_PROPERTY, SendGuardPayloadTooLargeError, outlookCustomPropertiesId, type GraphCalendarOptions } from './graph-calendar';
export { GraphDirectory, directoryMappingFor, type DirectoryMapping } from './graph-directory';
export * from './graph-errors';
export { defaultRetryPolicy, type RetryPolicy } from './retry-policy';
export { HELHED_LISTS, provisionLists, type ListSpec, type ProvisionReport } from './sharepoint-lists';
export { BatchWriter, BATCH_LIMIT, type ItemWrite, type ItemWriteResult } from './batch-writer';
export { readItems, NonIndexedFilterError, type ListItemRead } from './sharepoint-reader';
export {
  GraphPlanStore,
  GraphAppendConflictError,
  StoredItemInvalidError,
  WriteContentionError,
  type DecisionChanges,
  type GraphAuditRecord,
  type GraphPlanStoreOptions,
} from './graph-plan-store';
export { GraphPlanStoreSetup, resolveSiteId, toSetupError, AUDIT_KEY_ITEM, type ProvisionedSite } from './graph-plan-store-setup';
export { DeltaDecisionCache, isBroadDecisionQuery, type DecisionDeltaSource } from './delta-decision-cache';

export { HelhedDb, openHelhedDb, HELHED_DB_NAME } from './db';
export { LocalPlanStore, AppendConflictError } from './local-plan-store';
export { LocalCalendar, InvalidCalendarEventError, DEMO_JOIN_URL_BASE, type BusyBlockInput } from './local-calendar';
export { LocalDirectory, DEFAULT_SEARCH_LIMIT } from './local-directory';
export { BroadcastMeetingChannel, meetingChannelName } from './broadcast-meeting-channel';
export { SystemClock } from './system-clock';
export { CryptoIds } from './crypto-ids';
export { StoredRecordInvalidError } from './stored-record';

/**
 * Request and fixture validation against Microsoft Graph's own OpenAPI description
 * (../shared/reference/graph-v1.0-openapi-subset.json, see its README for the three rewrites).
 * Schemas there never set additionalProperties: false, so a misspelt property passes; the fake
 * server therefore also reads only the documented property names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SPEC_PATH =
  process.env.GRAPH_OPENAPI_SUBSET ??
  fileURLToPath(new URL('../../../../shared/reference/graph-v1.0-openapi-subset.json', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The README's rewrites: drop required @odata.type, make `nullable` beside oneOf valid, tighten nullable complex branches. */
function fix(node: Json): Json {
  if (Array.isArray(node)) return node.map(fix);
  if (node === null || typeof node !== 'object') return node;
  const o: { [key: string]: Json } = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fix(v)]));
  const anyOf = o.anyOf;
  if (Array.isArray(anyOf)) {
    o.anyOf = anyOf.map((b) =>
      b !== null && typeof b === 'object' && !Array.isArray(b) && b.type === 'object' && b.nullable === true && Object.keys(b).length === 2
        ? { type: 'null' }
        : b,
    );
  }
  const required = o.required;
  if (Array.isArray(required)) {
    const kept = required.filter((p) => p !== '@odata.type');
    if (kept.length === 0) delete o.required;
    else o.required = kept;
  }
  if (o.nullable === true && o.type === undefined) {
    delete o.nullable;
    return { anyOf: [o, { type: 'null' }] };
  }
  return o;
}

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function compiler(): Ajv {
  if (ajv !== undefined) return ajv;
  const doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const instance = new Ajv({
    strict: false,
    allErrors: true,
    formats: { int32: true, int64: true, float: true, double: true, base64url: true, int8: true, int16: true, uint8: true, decimal: true },
  });
  // ajv-formats is CommonJS; under Node ESM its default export is the module object.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
  addFormats(instance);
  // OData Edm.TimeOfDay (`08:00:00.0000000`, no offset), not RFC 3339 full-time, which ajv-formats requires an offset for.
  instance.addFormat('time', /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?$/);
  instance.addSchema(fix(doc) as object, 'graph.json');
  ajv = instance;
  return instance;
}

export const GRAPH_SCHEMAS = {
  event: 'graph.json#/components/schemas/microsoft.graph.event',
  user: 'graph.json#/components/schemas/microsoft.graph.user',
  scheduleInformation: 'graph.json#/components/schemas/microsoft.graph.scheduleInformation',
  getScheduleBody: 'graph.json#/paths/~1me~1calendar~1microsoft.graph.getSchedule/post/requestBody/content/application~1json/schema',
  cancelBody: 'graph.json#/paths/~1me~1events~1{event-id}~1microsoft.graph.cancel/post/requestBody/content/application~1json/schema',
  list: 'graph.json#/components/schemas/microsoft.graph.list',
  columnDefinition: 'graph.json#/components/schemas/microsoft.graph.columnDefinition',
  listItem: 'graph.json#/components/schemas/microsoft.graph.listItem',
  onlineMeetingCollection: 'graph.json#/components/responses/microsoft.graph.onlineMeetingCollectionResponse/content/application~1json/schema',
  attendanceReportCollection: 'graph.json#/components/responses/microsoft.graph.meetingAttendanceReportCollectionResponse/content/application~1json/schema',
  attendanceRecordCollection: 'graph.json#/components/responses/microsoft.graph.attendanceRecordCollectionResponse/content/application~1json/schema',
  meetingAttendanceReport: 'graph.json#/components/schemas/microsoft.graph.meetingAttendanceReport',
  /** `$expand` of GET …/attendanceReports/{id}: an array of '*' | 'attendanceRecords'. */
  attendanceReportExpand: 'graph.json#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}~1attendanceReports~1{meetingAttendanceReport-id}/get/parameters/1/schema',
  findMeetingTimesBody: 'graph.json#/components/requestBodies/findMeetingTimesRequestBody/content/application~1json/schema',
  sendActivityNotificationBody: 'graph.json#/paths/~1users~1{user-id}~1teamwork~1microsoft.graph.sendActivityNotification/post/requestBody/content/application~1json/schema',
} as const;

/** Compiles every validator up front (a few seconds for the user schema), outside any test's time limit. */
export function warmGraphSchemas(): void {
  for (const key of Object.keys(GRAPH_SCHEMAS) as (keyof typeof GRAPH_SCHEMAS)[]) graphSchemaErrors(key, {});
}

/** Errors of `value` against a schema of the Graph description; [] when it conforms. */
export function graphSchemaErrors(schema: keyof typeof GRAPH_SCHEMAS, value: unknown): string[] {
  let validate = cache.get(schema);
  if (validate === undefined) {
    validate = compiler().compile({ $ref: GRAPH_SCHEMAS[schema] });
    cache.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

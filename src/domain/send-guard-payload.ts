import * as z from 'zod/mini';
import type { CitizenInvitation, TeamMember } from './model';

/**
 * What Helhed leaves on a team meeting's calendar event so that its Outlook send guard
 * (src/outlook/, PRODUCT.md "In Outlook, at send time") can re-check rules 1, 2 and 4 when the
 * invitation is edited and sent from Outlook, without any network call.
 *
 * It travels as an Outlook add-in custom property: Office.js `item.loadCustomPropertiesAsync`
 * reads one JSON object per add-in from the MAPI named property `cecp-<add-in id>` in the
 * PS_PUBLIC_STRINGS set (MS-OXCEXT 2.2.5, https://learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxcext/4cf1da5e-c68e-433e-a97e-c45625483481;
 * "Get and set add-in metadata", https://learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in).
 * The Graph adapter writes that same property when it creates the event, as a
 * `singleValueExtendedProperties` entry with the id from `customPropertiesExtendedPropertyId`.
 *
 * Only what the rules need: the citizen's invitation mode and e-mail, the team's ids and
 * e-mails. No names, no phone number, no case reference, never a CPR number (PRODUCT.md: no
 * CPR number is ever stored or sent). The addresses are already on the event as attendees.
 *
 * zod/mini, not zod: this schema is bundled into the Outlook handler, which should stay small
 * (the JavaScript-only runtime of classic Outlook downloads it on send).
 */

/** The name of Helhed's custom property inside the add-in's custom-property JSON object. */
export const SEND_GUARD_PROPERTY_NAME = 'helhedTeamMeeting';

/** PS_PUBLIC_STRINGS, the property set of add-in custom properties (MS-OXCEXT 2.2.5). */
export const PS_PUBLIC_STRINGS = '{00020329-0000-0000-C000-000000000046}';

/** Office.js stores the whole custom-property object in one string of at most 2,500 characters. */
export const CUSTOM_PROPERTIES_MAX_CHARS = 2500;

const Email = z.email().check(z.maxLength(320));

export const SendGuardPayloadSchema = z.object({
  /** Format version: a guard that meets a newer version blocks with a message rather than guess. */
  v: z.literal(1),
  citizen: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('email'), email: Email }),
    z.object({ mode: z.literal('in-person') }),
    z.object({ mode: z.literal('phone') }),
  ]),
  /** Every team member, each of whom must stay a required attendee (mødepligt). */
  members: z
    .array(z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), email: Email }))
    .check(z.minLength(1), z.maxLength(40)),
});
export type SendGuardPayload = z.infer<typeof SendGuardPayloadSchema>;

/** The payload for a team meeting as Helhed books it. */
export function sendGuardPayloadFor(
  citizenInvitation: CitizenInvitation,
  team: readonly Pick<TeamMember, 'personId' | 'email'>[],
): SendGuardPayload {
  const citizen: SendGuardPayload['citizen'] =
    citizenInvitation.mode === 'email' ? { mode: 'email', email: citizenInvitation.email } : { mode: citizenInvitation.mode };
  return { v: 1, citizen, members: team.map((m) => ({ id: m.personId, email: m.email })) };
}

/**
 * The Graph extended-property id under which Office.js finds this add-in's custom properties:
 * `String {00020329-0000-0000-C000-000000000046} Name cecp-<id>`, where <id> is the add-in id
 * (the app manifest's `id`) lower-cased, without braces and without a `urn:uuid:` prefix
 * (MS-OXCEXT 2.2.5).
 */
export function customPropertiesExtendedPropertyId(appId: string): string {
  const id = appId
    .trim()
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/^urn:uuid:/, '');
  return `String ${PS_PUBLIC_STRINGS} Name cecp-${id}`;
}

export type EncodedCustomProperties =
  | { ok: true; value: string }
  | { ok: false; code: 'SEND_GUARD_PAYLOAD_TOO_LARGE'; length: number };

/**
 * The value of the `cecp-<id>` property: a JSON object of name -> value. The payload is stored as
 * a JSON string, not a nested object: `CustomProperties.set` documents that every value reaches
 * the server as a string, so a string is what every Outlook client reads back unchanged.
 */
export function encodeCustomProperties(
  payload: SendGuardPayload,
  /** Other custom properties of the add-in that share the one `cecp-<id>` object (e.g. a meeting id). */
  others: Readonly<Record<string, string>> = {},
): EncodedCustomProperties {
  const value = JSON.stringify({ ...others, [SEND_GUARD_PROPERTY_NAME]: JSON.stringify(payload) });
  return value.length <= CUSTOM_PROPERTIES_MAX_CHARS
    ? { ok: true, value }
    : { ok: false, code: 'SEND_GUARD_PAYLOAD_TOO_LARGE', length: value.length };
}

export type DecodedSendGuardPayload =
  | { ok: true; payload: SendGuardPayload }
  | { ok: false; code: 'SEND_GUARD_PAYLOAD_INVALID' };

/**
 * What `customProperties.get(SEND_GUARD_PROPERTY_NAME)` returned, parsed. Accepts the JSON string
 * Helhed writes and, defensively, an already-parsed object.
 */
export function decodeSendGuardPayload(raw: unknown): DecodedSendGuardPayload {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, code: 'SEND_GUARD_PAYLOAD_INVALID' };
    }
  }
  const parsed = SendGuardPayloadSchema.safeParse(value);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, code: 'SEND_GUARD_PAYLOAD_INVALID' };
}

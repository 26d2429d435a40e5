import { describe, expect, it } from 'vitest';
import {
  CUSTOM_PROPERTIES_MAX_CHARS,
  customPropertiesExtendedPropertyId,
  decodeSendGuardPayload,
  encodeCustomProperties,
  sendGuardPayloadFor,
} from '../../../src/domain/send-guard-payload';

// How Helhed's Graph adapter marks a team meeting so that Office.js reads it back as the add-in's
// custom property (MS-OXCEXT 2.2.5 "Mail App Custom Properties"; Microsoft Learn "Get and set
// add-in metadata for an Outlook add-in", "How custom properties are stored on an item").

describe('the custom property Helhed sets through Graph', () => {
  it('is the PS_PUBLIC_STRINGS string property cecp-<add-in id>, id lower-cased without braces or urn:uuid', () => {
    expect(customPropertiesExtendedPropertyId('{8D9C3E1A-5B7F-4A2B-9C1D-0E2F3A4B5C6D}')).toBe(
      'String {00020329-0000-0000-C000-000000000046} Name cecp-8d9c3e1a-5b7f-4a2b-9c1d-0e2f3a4b5c6d',
    );
    expect(customPropertiesExtendedPropertyId('urn:uuid:8D9C3E1A-5B7F-4A2B-9C1D-0E2F3A4B5C6D')).toBe(
      'String {00020329-0000-0000-C000-000000000046} Name cecp-8d9c3e1a-5b7f-4a2b-9c1d-0e2f3a4b5c6d',
    );
  });

  it('holds a JSON object whose helhedTeamMeeting value is the payload as a JSON string, with no names', () => {
    const payload = sendGuardPayloadFor({ mode: 'email', email: 'borger@example.dk' }, [
      { personId: 'p1', email: 'a@kommune.dk' },
    ]);
    const encoded = encodeCustomProperties(payload);
    expect(encoded).toEqual({
      ok: true,
      value: '{"helhedTeamMeeting":"{\\"v\\":1,\\"citizen\\":{\\"mode\\":\\"email\\",\\"email\\":\\"borger@example.dk\\"},\\"members\\":[{\\"id\\":\\"p1\\",\\"email\\":\\"a@kommune.dk\\"}]}"}',
    });
    if (!encoded.ok) return;
    const bag = JSON.parse(encoded.value) as Record<string, unknown>;
    expect(decodeSendGuardPayload(bag.helhedTeamMeeting)).toEqual({ ok: true, payload });
  });

  it('drops the phone number of a citizen who attends by phone: the rule does not need it', () => {
    expect(sendGuardPayloadFor({ mode: 'phone', phone: '+45 20 30 40 50' }, [{ personId: 'p1', email: 'a@kommune.dk' }])).toEqual({
      v: 1,
      citizen: { mode: 'phone' },
      members: [{ id: 'p1', email: 'a@kommune.dk' }],
    });
  });

  it('refuses a payload over the 2,500-character limit of custom properties', () => {
    const team = Array.from({ length: 40 }, (_, i) => ({
      personId: `person-${i}-${'x'.repeat(20)}`,
      email: `medarbejder.nummer.${i}@forvaltning.kommune.dk`,
    }));
    const encoded = encodeCustomProperties(sendGuardPayloadFor({ mode: 'in-person' }, team));
    expect(encoded.ok).toBe(false);
    if (encoded.ok) return;
    expect(encoded.code).toBe('SEND_GUARD_PAYLOAD_TOO_LARGE');
    expect(encoded.length).toBeGreaterThan(CUSTOM_PROPERTIES_MAX_CHARS);
  });

  it.each([
    ['not JSON', '{nope'],
    ['a newer version', '{"v":2,"citizen":{"mode":"in-person"},"members":[{"id":"p","email":"a@b.dk"}]}'],
    ['no members', '{"v":1,"citizen":{"mode":"in-person"},"members":[]}'],
    ['a bad e-mail', '{"v":1,"citizen":{"mode":"email","email":"nope"},"members":[{"id":"p","email":"a@b.dk"}]}'],
  ])('rejects %s', (_label, raw) => {
    expect(decodeSendGuardPayload(raw)).toEqual({ ok: false, code: 'SEND_GUARD_PAYLOAD_INVALID' });
  });
});

describe('other custom properties in the same cecp object', () => {
  it('keeps them beside the payload, so the Graph adapter can store its meeting id there too', () => {
    const payload = sendGuardPayloadFor({ mode: 'in-person' }, [{ personId: 'p1', email: 'a@kommune.dk' }]);
    const encoded = encodeCustomProperties(payload, { helhedMeetingId: 'm-42' });
    expect(encoded.ok && JSON.parse(encoded.value)).toEqual({
      helhedMeetingId: 'm-42',
      helhedTeamMeeting: JSON.stringify(payload),
    });
  });
});

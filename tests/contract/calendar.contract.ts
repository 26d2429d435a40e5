/**
 * The Calendar contract (src/ports/calendar.ts), adapter-agnostic. The fixture's `respond`
 * plays an attendee answering the invitation (the local adapter's demo hook; a Graph test
 * harness changes the attendee's status on its mock server).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rsvp } from '../../src/domain/model';
import { CalendarEventNotFoundError, type Calendar, type CalendarEventInput } from '../../src/ports/calendar';

export interface CalendarFixture {
  calendar: Calendar;
  respond(eventId: string, email: string, response: Rsvp): Promise<void>;
  cleanup(): Promise<void>;
}

const DAY = '2031-03-11';
const t = (hhmm: string): string => `${DAY}T${hhmm}:00.000Z`;
/** Adapters may format instants differently (Graph: 7 fractional digits); compare the instants. */
const norm = (intervals: readonly { start: string; end: string }[] | undefined) =>
  intervals?.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));

const TOVE = { email: 'tove@kommune.example', name: 'Tove Holder', kind: 'required' as const };
const BENT = { email: 'bent@kommune.example', name: 'Bent Jensen', kind: 'required' as const };
const BORGER = { email: 'borger@borger.example', name: 'Test Borger', kind: 'required' as const };

function input(overrides: Partial<CalendarEventInput> & { transactionId: string }): CalendarEventInput {
  return {
    subject: 'Tværfagligt teammøde – SAG-2031-0001',
    body: 'Tværfagligt teammøde. Dagsorden og plan findes i Helhed.',
    location: null,
    start: t('09:00'),
    end: t('10:00'),
    attendees: [TOVE, BENT, BORGER],
    helhedMeetingId: `meeting-${overrides.transactionId}`,
    ...overrides,
  };
}

export function describeCalendarContract(name: string, factory: () => Promise<CalendarFixture>): void {
  describe(`Calendar contract: ${name}`, () => {
    let fixture: CalendarFixture;
    let calendar: Calendar;

    beforeEach(async () => {
      fixture = await factory();
      calendar = fixture.calendar;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('createEvent and getEvent', () => {
      it('[R4] every created event is private and has a join link', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        expect(event.isPrivate).toBe(true);
        expect(event.joinUrl).toMatch(/^https:\/\//);
        expect(event.cancelled).toBe(false);
      });

      it('creates the event as asked, with every attendee not yet responded', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1', location: 'Jobcentret, mødelokale 2' }));
        expect(event).toMatchObject({
          subject: 'Tværfagligt teammøde – SAG-2031-0001',
          body: 'Tværfagligt teammøde. Dagsorden og plan findes i Helhed.',
          location: 'Jobcentret, mødelokale 2',
          transactionId: 'tx-1',
        });
        expect(new Date(event.start).toISOString()).toBe(t('09:00'));
        expect(new Date(event.end).toISOString()).toBe(t('10:00'));
        expect(event.attendees).toStrictEqual([
          { ...TOVE, response: 'none' },
          { ...BENT, response: 'none' },
          { ...BORGER, response: 'none' },
        ]);
        expect(await calendar.getEvent(event.id)).toStrictEqual(event);
      });

      it('[idempotent] createEvent with a transactionId already used returns the first event', async () => {
        const first = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        const retried = await calendar.createEvent(input({ transactionId: 'tx-1', subject: 'Gentaget forsøg' }));
        expect(retried).toStrictEqual(first);
        const busy = await calendar.getBusy([TOVE.email], t('00:00'), t('23:59'));
        expect(norm(busy.get(TOVE.email))).toStrictEqual([{ start: t('09:00'), end: t('10:00') }]);
      });

      it('different transactionIds create different events', async () => {
        const a = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        const b = await calendar.createEvent(input({ transactionId: 'tx-2' }));
        expect(a.id).not.toBe(b.id);
      });

      it('getEvent of an unknown id throws CalendarEventNotFoundError', async () => {
        await expect(calendar.getEvent('nope')).rejects.toBeInstanceOf(CalendarEventNotFoundError);
      });

      it('[R2] getEvent returns the attendee responses as they stand now', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        await fixture.respond(event.id, BENT.email, 'declined');
        await fixture.respond(event.id, BORGER.email, 'accepted');
        const now = await calendar.getEvent(event.id);
        expect(now.attendees.map((a) => [a.email, a.response])).toStrictEqual([
          [TOVE.email, 'none'],
          [BENT.email, 'declined'],
          [BORGER.email, 'accepted'],
        ]);
      });
    });

    describe('updateEvent and cancelEvent', () => {
      it('updateEvent changes only the fields given', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1', location: 'Rådhuset' }));
        const updated = await calendar.updateEvent(event.id, { subject: 'Tværfagligt teammøde – KA' });
        expect(updated).toStrictEqual({ ...event, subject: 'Tværfagligt teammøde – KA' });
        expect(await calendar.getEvent(event.id)).toStrictEqual(updated);
      });

      it('[R1] updateEvent replaces the attendees; a removed citizen is gone from the event', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        const updated = await calendar.updateEvent(event.id, { attendees: [TOVE, BENT] });
        expect(updated.attendees.map((a) => a.email)).toStrictEqual([TOVE.email, BENT.email]);
        expect(updated.subject).toBe(event.subject);
      });

      it('updateEvent moves the busy time with the event', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        await calendar.updateEvent(event.id, { start: t('11:00'), end: t('12:00') });
        const busy = await calendar.getBusy([TOVE.email], t('00:00'), t('23:59'));
        expect(norm(busy.get(TOVE.email))).toStrictEqual([{ start: t('11:00'), end: t('12:00') }]);
      });

      it('updateEvent and cancelEvent of an unknown id throw CalendarEventNotFoundError', async () => {
        await expect(calendar.updateEvent('nope', { subject: 'x' })).rejects.toBeInstanceOf(CalendarEventNotFoundError);
        await expect(calendar.cancelEvent('nope', 'aflyst')).rejects.toBeInstanceOf(CalendarEventNotFoundError);
      });

      it('[R3] a cancelled event no longer counts as busy time', async () => {
        const event = await calendar.createEvent(input({ transactionId: 'tx-1' }));
        await calendar.cancelEvent(event.id, 'Mødet er aflyst.');
        const busy = await calendar.getBusy([TOVE.email, BENT.email], t('00:00'), t('23:59'));
        expect(busy.get(TOVE.email)).toStrictEqual([]);
        expect(busy.get(BENT.email)).toStrictEqual([]);
      });
    });

    describe('getBusy', () => {
      it('[R3] returns every requested address; an unknown address maps to an empty list', async () => {
        await calendar.createEvent(input({ transactionId: 'tx-1' }));
        const busy = await calendar.getBusy([TOVE.email, 'nobody@kommune.example'], t('00:00'), t('23:59'));
        expect([...busy.keys()].sort()).toStrictEqual(['nobody@kommune.example', TOVE.email]);
        expect(busy.get('nobody@kommune.example')).toStrictEqual([]);
        expect(norm(busy.get(TOVE.email))).toStrictEqual([{ start: t('09:00'), end: t('10:00') }]);
      });

      it('[R3] returns the intervals overlapping [from, to), sorted by start and merged where they overlap', async () => {
        const only = (transactionId: string, start: string, end: string) =>
          calendar.createEvent(input({ transactionId, start: t(start), end: t(end), attendees: [TOVE] }));
        await only('tx-late', '11:00', '11:30');
        await only('tx-a', '09:00', '10:00');
        await only('tx-b', '09:30', '10:30');
        await only('tx-before', '07:00', '08:00'); // ends exactly at `from`: outside [from, to)
        await only('tx-across', '07:30', '08:30'); // starts before `from`, overlaps it
        await only('tx-after', '12:00', '13:00'); // starts exactly at `to`: outside
        const busy = await calendar.getBusy([TOVE.email], t('08:00'), t('12:00'));
        expect(norm(busy.get(TOVE.email))).toStrictEqual([
          { start: t('07:30'), end: t('08:30') },
          { start: t('09:00'), end: t('10:30') },
          { start: t('11:00'), end: t('11:30') },
        ]);
      });

      it('[R3] busy time is per attendee', async () => {
        await calendar.createEvent(input({ transactionId: 'tx-1', attendees: [TOVE] }));
        await calendar.createEvent(input({ transactionId: 'tx-2', start: t('10:00'), end: t('11:00'), attendees: [BENT] }));
        const busy = await calendar.getBusy([TOVE.email, BENT.email], t('00:00'), t('23:59'));
        expect(norm(busy.get(TOVE.email))).toStrictEqual([{ start: t('09:00'), end: t('10:00') }]);
        expect(norm(busy.get(BENT.email))).toStrictEqual([{ start: t('10:00'), end: t('11:00') }]);
      });
    });
  });
}

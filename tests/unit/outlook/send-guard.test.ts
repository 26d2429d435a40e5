import { beforeEach, describe, expect, it, vi } from 'vitest';
import { neutralBody, neutralSubject } from '../../../src/domain/rules/sensitive-data';
import { encodeCustomProperties, sendGuardPayloadFor, type SendGuardPayload } from '../../../src/domain/send-guard-payload';
import { fakeSendEvent, installFakeOffice, type FakeAppointment } from '../../support/fake-office';

// Issue 7: the Outlook send guard, run end to end through its entry (commands.ts) against the
// Office.js fake: the handler is the one the bundle associates with the manifest's action id.

const CITIZEN = 'borger.ab@example.dk';
const TEAM = [
  { personId: 'p-social', email: 'sagsbehandler@kommune.dk' },
  { personId: 'p-health', email: 'sygeplejerske@kommune.dk' },
  { personId: 'p-job', email: 'jobkonsulent@kommune.dk' },
];

function cecpFor(payload: SendGuardPayload): string {
  const encoded = encodeCustomProperties(payload);
  if (!encoded.ok) throw new Error(`payload too large: ${encoded.length}`);
  return encoded.value;
}

/** A team meeting exactly as Helhed booked it. */
function bookedMeeting(overrides: Partial<FakeAppointment> = {}): FakeAppointment {
  return {
    displayLanguage: 'da-DK',
    cecp: cecpFor(sendGuardPayloadFor({ mode: 'email', email: CITIZEN }, TEAM)),
    requiredAttendees: [CITIZEN, ...TEAM.map((m) => m.email)],
    optionalAttendees: [],
    subject: neutralSubject({ initials: 'AB' }),
    location: 'Microsoft Teams-møde',
    body: `${neutralBody()}\nDeltag på din computer, i en mobilapp eller på en rumenhed.`,
    fail: [],
    ...overrides,
  };
}

interface Completed {
  allowEvent?: boolean;
  errorMessage?: string;
}

async function send(appointment: FakeAppointment): Promise<{ options: Completed; calls: string[] }> {
  const control = installFakeOffice(appointment);
  vi.resetModules();
  await import('../../../src/outlook/commands');
  const handler = control.actions.onAppointmentSendHandler;
  if (!handler) throw new Error('commands.ts did not associate onAppointmentSendHandler');
  const { event, completed } = fakeSendEvent();
  handler(event);
  return { options: (await completed) as Completed, calls: control.calls };
}

beforeEach(() => {
  globalThis.helhedFakeOffice = undefined;
});

describe('Outlook send guard (OnAppointmentSend)', () => {
  it('lets a clean team-meeting invitation through', async () => {
    const { options } = await send(bookedMeeting());
    expect(options).toEqual({ allowEvent: true });
  });

  it('never touches an appointment that is not a Helhed team meeting: allowed after reading only its custom properties', async () => {
    const { options, calls } = await send(
      bookedMeeting({ cecp: null, subject: 'Frokost 010190-1234', requiredAttendees: [], body: '' }),
    );
    expect(options).toEqual({ allowEvent: true });
    expect(calls).toEqual(['loadCustomPropertiesAsync']);
  });

  it('ignores another custom property of the add-in that is not the team-meeting payload', async () => {
    const { options } = await send(bookedMeeting({ cecp: JSON.stringify({ somethingElse: 'x' }), requiredAttendees: [] }));
    expect(options).toEqual({ allowEvent: true });
  });

  it('[R1] blocks the send when the citizen was removed, naming the address to add back', async () => {
    const { options } = await send(bookedMeeting({ requiredAttendees: TEAM.map((m) => m.email) }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Borgeren er fjernet. Tilføj borger.ab@example.dk som deltager igen: der holdes ikke møder om borgeren uden borgeren.',
    });
  });

  it('[R1] accepts the citizen as an optional attendee, and matches addresses case-insensitively', async () => {
    const { options } = await send(
      bookedMeeting({
        requiredAttendees: TEAM.map((m) => m.email.toUpperCase()),
        optionalAttendees: ['Borger.AB@Example.dk'],
      }),
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('[R1] needs no citizen attendee when the citizen attends in person', async () => {
    const { options } = await send(
      bookedMeeting({
        cecp: cecpFor(sendGuardPayloadFor({ mode: 'in-person' }, TEAM)),
        requiredAttendees: TEAM.map((m) => m.email),
      }),
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('[R2] blocks the send when a team member was made optional', async () => {
    const { options } = await send(
      bookedMeeting({
        requiredAttendees: [CITIZEN, 'sagsbehandler@kommune.dk', 'jobkonsulent@kommune.dk'],
        optionalAttendees: ['sygeplejerske@kommune.dk'],
      }),
    );
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Mødepligt: sygeplejerske@kommune.dk skal være påkrævet deltager. Flyt dem fra Valgfri til Påkrævet.',
    });
  });

  it('[R4] blocks the send when a CPR number is typed into the subject', async () => {
    const { options } = await send(bookedMeeting({ subject: 'Teammøde 010190-1234' }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Emnet indeholder et CPR-nummer. Fjern det; brug kun sagsreference eller initialer.',
    });
  });

  it('[R4] blocks the send when a CPR number is in the body, read as plain text', async () => {
    const { options, calls } = await send(bookedMeeting({ body: `${neutralBody()}\nCPR: 0101901234` }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Brødteksten indeholder et CPR-nummer. Fjern det; brug kun sagsreference eller initialer.',
    });
    expect(calls).toContain('body.getAsync');
  });

  it('[R4] blocks health details in the location', async () => {
    const { options } = await send(bookedMeeting({ location: 'Psykiatrien, lokale 2' }));
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('Stedet indeholder helbredsoplysninger.');
  });

  it('[R4] does not mistake the digits of a join link for a CPR number', async () => {
    const { options } = await send(
      bookedMeeting({ body: `${neutralBody()}\nDeltag: https://teams.microsoft.com/l/meetup-join/19%3ameeting_a1203851234b%40thread.v2/0` }),
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('[R1][R2][R4] reports every problem at once, in English when the mailbox is English', async () => {
    const { options } = await send(
      bookedMeeting({
        displayLanguage: 'en-US',
        requiredAttendees: ['sagsbehandler@kommune.dk'],
        optionalAttendees: ['sygeplejerske@kommune.dk'],
        subject: 'Team meeting 010190-1234',
      }),
    );
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: The team meeting invitation was not sent. The citizen was removed. Add borger.ab@example.dk as an attendee again: no meeting about the citizen without the citizen. ' +
        'Mandatory attendance: sygeplejerske@kommune.dk and jobkonsulent@kommune.dk must be required attendees. Move them from Optional to Required. ' +
        'The subject contains a CPR number. Remove it; use only the case reference or initials.',
    });
    expect(options.errorMessage?.length).toBeLessThanOrEqual(500);
  });

  it('blocks with a message, never allows, when Office.js fails to load the custom properties', async () => {
    const { options, calls } = await send(bookedMeeting({ fail: ['loadCustomPropertiesAsync'] }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Helhed kunne ikke læse Helheds mødeoplysninger i invitationen. Prøv at sende igen; sker det igen, så kontakt IT-supporten.',
    });
    expect(calls).toEqual(['loadCustomPropertiesAsync']);
  });

  it.each([
    ['requiredAttendees.getAsync', 'de påkrævede deltagere'],
    ['optionalAttendees.getAsync', 'de valgfri deltagere'],
    ['subject.getAsync', 'emnet'],
    ['location.getAsync', 'stedet'],
    ['body.getAsync', 'brødteksten'],
  ] as const)('blocks with a message when Office.js fails on %s', async (call, part) => {
    const { options } = await send(bookedMeeting({ fail: [call] }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage: `Helhed: Invitationen til teammødet er ikke sendt. Helhed kunne ikke læse ${part} i invitationen. Prøv at sende igen; sker det igen, så kontakt IT-supporten.`,
    });
  });

  it('blocks with a message when the Helhed property is there but unreadable', async () => {
    const { options } = await send(bookedMeeting({ cecp: JSON.stringify({ helhedTeamMeeting: '{"v":2}' }) }));
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'Helhed: Invitationen til teammødet er ikke sendt. Helhed kunne ikke læse sine mødeoplysninger på invitationen. Book mødet igen fra Helhed, eller kontakt IT-supporten.',
    });
  });
});

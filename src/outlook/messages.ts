// The Smart Alerts dialog text, Danish and English. Kept here rather than in src/ui/strings: the
// Outlook handler may import only src/domain (eslint.config.js), and the dialog needs a handful of
// plain sentences, not the app's UI dictionary.
import type { CalendarField, SensitiveKind } from '../domain/result';
import type { AppointmentPart, SendGuardProblem } from './send-guard';

export type OutlookLanguage = 'da' | 'en';

/**
 * Danish unless the mailbox's display language is English (`Office.context.displayLanguage` is
 * an RFC 1766 tag such as "da-DK" or "en-US"). Danish is the default (PRODUCT.md).
 */
export function languageFor(displayLanguage: string | undefined): OutlookLanguage {
  return /^en(?:-|$)/i.test(displayLanguage ?? '') ? 'en' : 'da';
}

/** `errorMessage` must be 500 characters or less (Office.SmartAlertsEventCompletedOptions). */
export const ERROR_MESSAGE_MAX_CHARS = 500;

interface Texts {
  heading: string;
  citizen: (email: string) => string;
  members: (emails: string) => string;
  sensitive: (field: string, kinds: string) => string;
  readFailed: (part: string) => string;
  payloadInvalid: string;
  field: Record<CalendarField, string>;
  kind: Record<SensitiveKind, string>;
  part: Record<AppointmentPart, string>;
  and: string;
}

const TEXTS: Record<OutlookLanguage, Texts> = {
  da: {
    heading: 'Helhed: Invitationen til teammødet er ikke sendt.',
    citizen: (email) => `Borgeren er fjernet. Tilføj ${email} som deltager igen: der holdes ikke møder om borgeren uden borgeren.`,
    members: (emails) => `Mødepligt: ${emails} skal være påkrævet deltager. Flyt dem fra Valgfri til Påkrævet.`,
    sensitive: (field, kinds) => `${field} indeholder ${kinds}. Fjern det; brug kun sagsreference eller initialer.`,
    readFailed: (part) =>
      `Helhed kunne ikke læse ${part} i invitationen. Prøv at sende igen; sker det igen, så kontakt IT-supporten.`,
    payloadInvalid:
      'Helhed kunne ikke læse sine mødeoplysninger på invitationen. Book mødet igen fra Helhed, eller kontakt IT-supporten.',
    field: { subject: 'Emnet', location: 'Stedet', body: 'Brødteksten' },
    kind: {
      cpr: 'et CPR-nummer',
      health: 'helbredsoplysninger',
      social: 'sociale oplysninger',
      'citizen-name': 'borgerens navn',
      contact: 'borgerens kontaktoplysninger',
    },
    part: {
      customProperties: 'Helheds mødeoplysninger',
      requiredAttendees: 'de påkrævede deltagere',
      optionalAttendees: 'de valgfri deltagere',
      subject: 'emnet',
      location: 'stedet',
      body: 'brødteksten',
    },
    and: 'og',
  },
  en: {
    heading: 'Helhed: The team meeting invitation was not sent.',
    citizen: (email) => `The citizen was removed. Add ${email} as an attendee again: no meeting about the citizen without the citizen.`,
    members: (emails) => `Mandatory attendance: ${emails} must be required attendees. Move them from Optional to Required.`,
    sensitive: (field, kinds) => `The ${field} contains ${kinds}. Remove it; use only the case reference or initials.`,
    readFailed: (part) => `Helhed could not read the ${part} of the invitation. Try sending again; if it happens again, contact IT support.`,
    payloadInvalid: "Helhed could not read its meeting data on this invitation. Book the meeting again from Helhed, or contact IT support.",
    field: { subject: 'subject', location: 'location', body: 'body' },
    kind: {
      cpr: 'a CPR number',
      health: 'health information',
      social: 'social information',
      'citizen-name': "the citizen's name",
      contact: "the citizen's contact details",
    },
    part: {
      customProperties: 'meeting data',
      requiredAttendees: 'required attendees',
      optionalAttendees: 'optional attendees',
      subject: 'subject',
      location: 'location',
      body: 'body',
    },
    and: 'and',
  },
};

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function sentence(problem: SendGuardProblem, t: Texts): string {
  switch (problem.code) {
    case 'CITIZEN_NOT_INVITED':
      return t.citizen(problem.citizenEmail);
    case 'MEMBER_NOT_REQUIRED':
      return t.members(list(problem.emails, t.and));
    case 'SENSITIVE_DATA_IN_CALENDAR':
      return t.sensitive(t.field[problem.field], list(problem.kinds.map((k) => t.kind[k]), t.and));
    case 'READ_FAILED':
      return t.readFailed(t.part[problem.part]);
    case 'PAYLOAD_INVALID':
      return t.payloadInvalid;
  }
}

/**
 * The dialog text for a blocked send: what is wrong and how to fix it, one sentence per problem,
 * cut at a sentence boundary to fit Outlook's 500-character limit.
 */
export function blockedMessage(problems: readonly SendGuardProblem[], language: OutlookLanguage): string {
  const t = TEXTS[language];
  const sentences = problems.map((p) => sentence(p, t));
  let message = t.heading;
  for (const s of sentences) {
    const next = `${message} ${s}`;
    if (next.length > ERROR_MESSAGE_MAX_CHARS) break;
    message = next;
  }
  // A single sentence too long to fit (a very long list of addresses): cut it rather than show
  // the heading alone.
  if (message === t.heading && sentences.length > 0) {
    message = `${message} ${sentences[0]}`.slice(0, ERROR_MESSAGE_MAX_CHARS - 1) + '…';
  }
  return message;
}

import {
  DateOnlySchema,
  EmailSchema,
  type Citizen,
  type CitizenInvitation,
} from '../../domain/model';
import { zonedToInstant } from '../../domain/time';

/**
 * The booking form as typed, and how it becomes the use case's input. "none" exists so the
 * coordinator can see why a meeting without the citizen is refused (rule 1), not to book one.
 */
export type CitizenChoice = 'email' | 'in-person' | 'phone' | 'none';

export const CITIZEN_CHOICES: readonly CitizenChoice[] = ['email', 'in-person', 'phone', 'none'];

/** The choice that matches how the citizen said they take part. */
export function defaultCitizenChoice(citizen: Pick<Citizen, 'attendance'>): CitizenChoice {
  switch (citizen.attendance) {
    case 'teams':
      return 'email';
    case 'in-person':
      return 'in-person';
    case 'phone':
      return 'phone';
  }
}

export function toInvitation(choice: CitizenChoice, email: string, phone: string | null): CitizenInvitation | null {
  switch (choice) {
    case 'email':
      return { mode: 'email', email: email.trim() };
    case 'in-person':
      return { mode: 'in-person' };
    case 'phone':
      return { mode: 'phone', phone };
    case 'none':
      return null;
  }
}

/** An e-mail that is typed but malformed (an empty one is rule 1's to explain). */
export function isMalformedEmail(email: string): boolean {
  const e = email.trim();
  return e !== '' && !EmailSchema.safeParse(e).success;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::\d{2}(?:\.\d+)?)?$/;

/**
 * The instant of an `<input type="datetime-local">` value, read as wall-clock time in the
 * municipality's zone (not the browser's: a coordinator abroad still books Danish time).
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, date = '', hh = '', mm = ''] = m;
  if (!DateOnlySchema.safeParse(date).success) return null;
  return zonedToInstant(date, Number(hh) * 60 + Number(mm), timeZone);
}

/** Agenda items typed one per line. */
export function agendaLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../model';
import { checkMandatoryAttendance } from './mandatory-attendance';

function member(personId: string, email: string, departmentId = 'dep-social'): TeamMember {
  return { personId, displayName: `Person ${personId}`, email, departmentId, role: 'member', mandate: null };
}

const team: TeamMember[] = [
  member('p-anna', 'anna@kommune.dk', 'dep-social'),
  member('p-bo', 'bo@kommune.dk', 'dep-health'),
  member('p-carl', 'carl@kommune.dk', 'dep-employment'),
];

describe('checkMandatoryAttendance (rule 2)', () => {
  it('[R2] accepts when every team member is a required attendee', () => {
    expect(checkMandatoryAttendance(team, ['anna@kommune.dk', 'bo@kommune.dk', 'carl@kommune.dk'])).toEqual({ ok: true });
  });

  it('[R2] accepts extra required attendees beyond the team (e.g. the citizen)', () => {
    expect(
      checkMandatoryAttendance(team, ['borger@example.dk', 'carl@kommune.dk', 'bo@kommune.dk', 'anna@kommune.dk']),
    ).toEqual({ ok: true });
  });

  it('[R2] names every member missing from the required attendees, in team order', () => {
    expect(checkMandatoryAttendance(team, ['bo@kommune.dk'])).toEqual({
      ok: false,
      code: 'MEMBER_NOT_REQUIRED',
      personIds: ['p-anna', 'p-carl'],
    });
  });

  it('[R2] names the whole team when nobody is required', () => {
    expect(checkMandatoryAttendance(team, [])).toEqual({
      ok: false,
      code: 'MEMBER_NOT_REQUIRED',
      personIds: ['p-anna', 'p-bo', 'p-carl'],
    });
  });

  it('[R2] matches e-mail addresses case-insensitively and ignoring surrounding spaces', () => {
    expect(checkMandatoryAttendance(team, [' ANNA@Kommune.dk', 'Bo@KOMMUNE.DK ', 'carl@kommune.DK'])).toEqual({ ok: true });
  });

  it('[R2] an empty team has nobody to require', () => {
    expect(checkMandatoryAttendance([], [])).toEqual({ ok: true });
  });
});

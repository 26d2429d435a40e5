import { describe, expect, it } from 'vitest';
import { checkCitizenInvited } from './citizen-invited';

describe('checkCitizenInvited (rule 1)', () => {
  it('[R1] refuses when the citizen has no invitation at all', () => {
    expect(checkCitizenInvited(null)).toEqual({ ok: false, code: 'CITIZEN_NOT_INVITED' });
  });

  it('[R1] accepts a citizen invited by e-mail', () => {
    expect(checkCitizenInvited({ mode: 'email', email: 'borger@example.dk' })).toEqual({ ok: true });
  });

  it('[R1] refuses an e-mail invitation whose address is blank', () => {
    expect(checkCitizenInvited({ mode: 'email', email: '   ' })).toEqual({ ok: false, code: 'CITIZEN_NOT_INVITED' });
  });

  it('[R1] accepts a citizen recorded as attending in person', () => {
    expect(checkCitizenInvited({ mode: 'in-person' })).toEqual({ ok: true });
  });

  it('[R1] accepts a citizen recorded as attending by phone, with or without a number', () => {
    expect(checkCitizenInvited({ mode: 'phone', phone: '+45 20 30 40 50' })).toEqual({ ok: true });
    expect(checkCitizenInvited({ mode: 'phone', phone: null })).toEqual({ ok: true });
  });

  it('[R1] refuses when the live attendee list no longer holds the citizen', () => {
    const result = checkCitizenInvited({ mode: 'email', email: 'borger@example.dk' }, [
      'tovholder@kommune.dk',
      'sagsbehandler@kommune.dk',
    ]);
    expect(result).toEqual({ ok: false, code: 'CITIZEN_NOT_INVITED' });
  });

  it('[R1] refuses when the live attendee list is empty', () => {
    expect(checkCitizenInvited({ mode: 'email', email: 'borger@example.dk' }, [])).toEqual({
      ok: false,
      code: 'CITIZEN_NOT_INVITED',
    });
  });

  it('[R1] matches the citizen on the live attendee list case-insensitively and ignoring spaces', () => {
    const result = checkCitizenInvited({ mode: 'email', email: 'Søren.Borger@Example.DK' }, [
      'tovholder@kommune.dk',
      '  søren.borger@example.dk ',
    ]);
    expect(result).toEqual({ ok: true });
  });

  it('[R1] does not need the citizen on the attendee list when they attend in person or by phone', () => {
    expect(checkCitizenInvited({ mode: 'in-person' }, ['tovholder@kommune.dk'])).toEqual({ ok: true });
    expect(checkCitizenInvited({ mode: 'phone', phone: '20304050' }, [])).toEqual({ ok: true });
  });
});

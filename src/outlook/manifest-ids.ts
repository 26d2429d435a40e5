/**
 * The action id in manifest/manifest.json (extensions[].runtimes[].actions[].id, referenced by
 * the autoRunEvents `appointmentSending` event) that commands.ts associates with its handler.
 * tests/unit/outlook/manifest.test.ts keeps the two in step.
 */
export const APPOINTMENT_SEND_ACTION_ID = 'onAppointmentSendHandler';

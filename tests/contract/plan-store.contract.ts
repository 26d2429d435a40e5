/**
 * The PlanStore contract (src/ports/plan-store.ts). Adapter-agnostic: it talks to the store
 * only through the port, so the local (Dexie) adapter and the Graph adapter run the same tests.
 * Test names cite the product rule (R1..R8, PRODUCT.md) or the port invariant they prove.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentEvent, Decision } from '../../src/domain/model';
import { NotFoundError, VersionConflictError, type PlanStore } from '../../src/ports/plan-store';
import * as b from './support/builders';

export interface PlanStoreFixture {
  store: PlanStore;
  cleanup(): Promise<void>;
}

const ids = <T extends { id: string }>(items: readonly T[]): string[] => items.map((i) => i.id);

export function describePlanStoreContract(name: string, factory: () => Promise<PlanStoreFixture>): void {
  describe(`PlanStore contract: ${name}`, () => {
    let fixture: PlanStoreFixture;
    let store: PlanStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('departments and settings', () => {
      it('[R3] getSettings of a store that was never set up throws NotFoundError, not a default', async () => {
        await expect(store.getSettings()).rejects.toBeInstanceOf(NotFoundError);
      });

      it('[R3] saved settings (meeting windows, time zone, length) are read back unchanged', async () => {
        await store.saveSettings(b.settings);
        expect(await store.getSettings()).toStrictEqual(b.settings);
        const changed = { ...b.settings, meetingMinutes: 45 };
        await store.saveSettings(changed);
        expect(await store.getSettings()).toStrictEqual(changed);
      });

      it('saveDepartments replaces the list, and listDepartments orders it by name', async () => {
        await store.saveDepartments(b.departments);
        expect(ids(await store.listDepartments())).toStrictEqual(['d-job', 'd-social', 'd-health']);
        const renamed = [{ ...b.departments[0]!, name: 'Socialforvaltningen' }, b.departments[1]!];
        await store.saveDepartments(renamed);
        expect(await store.listDepartments()).toStrictEqual([
          { id: 'd-social', name: 'Socialforvaltningen', area: 'social' },
          { id: 'd-health', name: 'Sundhed og Omsorg', area: 'health' },
        ]);
      });
    });

    describe('pathways', () => {
      it('getPathway of an unknown id returns null', async () => {
        expect(await store.getPathway('nope')).toBeNull();
      });

      it('savePathway creates, then replaces the pathway (team, contact, status)', async () => {
        const created = b.pathway({ id: 'pw-1' });
        await store.savePathway(created);
        expect(await store.getPathway('pw-1')).toStrictEqual(created);
        const closed = { ...created, status: 'closed' as const, updatedAt: b.at(10) };
        await store.savePathway(closed);
        expect(await store.getPathway('pw-1')).toStrictEqual(closed);
        expect(await store.listPathways()).toStrictEqual([closed]);
      });

      it('[order] listPathways sorts by citizen name in Danish order (æ, ø, å after z)', async () => {
        const names = ['Åse Holm', 'Zakarias Bo', 'Ørnulf Dam', 'Anna Berg', 'Ægidius Kragh'];
        for (const [i, displayName] of names.entries()) {
          await store.savePathway(b.pathway({ id: `pw-${i}`, citizen: { ...b.pathway({ id: 'x' }).citizen, displayName } }));
        }
        const listed = await store.listPathways();
        expect(listed.map((p) => p.citizen.displayName)).toStrictEqual([
          'Anna Berg',
          'Zakarias Bo',
          'Ægidius Kragh',
          'Ørnulf Dam',
          'Åse Holm',
        ]);
      });

      it('[schema] a pathway that does not match the domain schema is rejected and not stored', async () => {
        const invalid = { ...b.pathway({ id: 'pw-bad' }), createdAt: 'yesterday' };
        await expect(store.savePathway(invalid)).rejects.toThrow();
        expect(await store.getPathway('pw-bad')).toBeNull();
      });
    });

    describe('the one plan', () => {
      it('getPlan of a pathway without a plan returns null, and it has no versions', async () => {
        expect(await store.getPlan('pw-1')).toBeNull();
        expect(await store.listPlanVersions('pw-1')).toStrictEqual([]);
      });

      it('[R7] savePlan with expectedVersion 0 stores version 1', async () => {
        const saved = await store.savePlan(b.plan('pw-1'), 0);
        expect(saved).toStrictEqual({ ...b.plan('pw-1'), version: 1 });
        expect(await store.getPlan('pw-1')).toStrictEqual(saved);
      });

      it('[R7] every plan version stays readable, oldest first; getPlan returns the newest', async () => {
        const v1 = await store.savePlan(b.plan('pw-1'), 0);
        const v2 = await store.savePlan(b.plan('pw-1', { updatedAt: b.at(5), transitions: [] }), 1);
        const v3 = await store.savePlan(
          b.plan('pw-1', {
            updatedAt: b.at(9),
            goals: [{ id: 'g-2', text: 'Jeg vil gerne have et fritidsjob.', createdAt: b.at(9) }],
          }),
          2,
        );
        expect([v1.version, v2.version, v3.version]).toStrictEqual([1, 2, 3]);
        expect(await store.listPlanVersions('pw-1')).toStrictEqual([v1, v2, v3]);
        expect(await store.getPlan('pw-1')).toStrictEqual(v3);
      });

      it('[R7] savePlan on a stale version throws VersionConflictError and stores nothing', async () => {
        await store.savePlan(b.plan('pw-1'), 0);
        await store.savePlan(b.plan('pw-1', { updatedAt: b.at(1) }), 1);
        const error = await store.savePlan(b.plan('pw-1', { updatedAt: b.at(2) }), 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VersionConflictError);
        expect(error).toMatchObject({ entity: 'plan', id: 'pw-1', expected: 1, actual: 2 });
        expect((await store.listPlanVersions('pw-1')).map((p) => p.version)).toStrictEqual([1, 2]);
      });

      it('[R7] a plan that already exists cannot be created again with expectedVersion 0', async () => {
        await store.savePlan(b.plan('pw-1'), 0);
        await expect(store.savePlan(b.plan('pw-1'), 0)).rejects.toBeInstanceOf(VersionConflictError);
      });

      it('[R7] of two concurrent saves on the same version exactly one wins', async () => {
        await store.savePlan(b.plan('pw-1'), 0);
        const results = await Promise.allSettled([
          store.savePlan(b.plan('pw-1', { updatedBy: 'writer-a' }), 1),
          store.savePlan(b.plan('pw-1', { updatedBy: 'writer-b' }), 1),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r) => r.status === 'rejected');
        expect(rejected).toHaveLength(1);
        expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
        expect((await store.listPlanVersions('pw-1')).map((p) => p.version)).toStrictEqual([1, 2]);
      });

      it('plans of different pathways are versioned independently', async () => {
        await store.savePlan(b.plan('pw-1'), 0);
        await store.savePlan(b.plan('pw-1'), 1);
        const other = await store.savePlan(b.plan('pw-2'), 0);
        expect(other.version).toBe(1);
        expect((await store.listPlanVersions('pw-2')).map((p) => p.pathwayId)).toStrictEqual(['pw-2']);
      });
    });

    describe('meetings', () => {
      it('getMeeting of an unknown id returns null', async () => {
        expect(await store.getMeeting('nope')).toBeNull();
      });

      it('[teams-link] findMeetingByChatId finds the meeting whose Teams join URL names the meeting chat', async () => {
        const join = (thread: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%7d`;
        const linked = b.meeting({ id: 'm-linked', pathwayId: 'pw-1', joinUrl: join('19:meeting_abc@thread.v2') });
        const other = b.meeting({ id: 'm-other', pathwayId: 'pw-1', joinUrl: join('19:meeting_xyz@thread.v2') });
        const unlinked = b.meeting({ id: 'm-none', pathwayId: 'pw-2', joinUrl: null });
        for (const m of [linked, other, unlinked]) await store.saveMeeting(m);
        expect(await store.findMeetingByChatId('19:meeting_abc@thread.v2')).toStrictEqual(linked);
        expect(await store.findMeetingByChatId('19:meeting_unknown@thread.v2')).toBeNull();
      });

      it('saveMeeting creates, then replaces the meeting (status, check-in, citizen view)', async () => {
        const planned = b.meeting({ id: 'm-1', pathwayId: 'pw-1' });
        await store.saveMeeting(planned);
        expect(await store.getMeeting('m-1')).toStrictEqual(planned);
        const held = {
          ...planned,
          status: 'held' as const,
          attendance: [{ personId: 'p-coordinator', present: true, notice: false }],
          citizenPresent: true,
          citizenView: 'Jeg vil gerne have ro på.',
        };
        await store.saveMeeting(held);
        expect(await store.getMeeting('m-1')).toStrictEqual(held);
        expect(await store.listMeetings({})).toStrictEqual([held]);
      });

      it('[order] listMeetings sorts by the instant of start, also when instants carry offsets', async () => {
        // 10:00+01:00 is 09:00Z: earlier than 09:30Z although it sorts later as text.
        const late = b.meeting({ id: 'm-late', pathwayId: 'pw-1', start: '2031-03-11T09:30:00.000Z', end: '2031-03-11T10:30:00.000Z' });
        const early = b.meeting({ id: 'm-early', pathwayId: 'pw-1', start: '2031-03-11T10:00:00+01:00', end: '2031-03-11T11:00:00+01:00' });
        const first = b.meeting({ id: 'm-first', pathwayId: 'pw-1', start: '2031-03-04T09:00:00.000Z', end: '2031-03-04T10:00:00.000Z' });
        for (const m of [late, early, first]) await store.saveMeeting(m);
        expect(ids(await store.listMeetings({}))).toStrictEqual(['m-first', 'm-early', 'm-late']);
        expect(ids(await store.listMeetings({ pathwayId: 'pw-1' }))).toStrictEqual(['m-first', 'm-early', 'm-late']);
        expect((await store.getMeeting('m-early'))?.start).toBe('2031-03-11T10:00:00+01:00');
      });

      it('listMeetings filters by pathway and by start in [from, to)', async () => {
        const m = (id: string, pathwayId: string, minutes: number) =>
          b.meeting({ id, pathwayId, start: b.at(minutes), end: b.at(minutes + 60) });
        for (const meeting of [m('a', 'pw-1', 0), m('b', 'pw-1', 60), m('c', 'pw-2', 60), m('d', 'pw-1', 120)]) {
          await store.saveMeeting(meeting);
        }
        expect(ids(await store.listMeetings({ pathwayId: 'pw-1' }))).toStrictEqual(['a', 'b', 'd']);
        expect(ids(await store.listMeetings({ from: b.at(60), to: b.at(120) })).sort()).toStrictEqual(['b', 'c']);
        expect(ids(await store.listMeetings({ pathwayId: 'pw-1', from: b.at(60) }))).toStrictEqual(['b', 'd']);
        expect(ids(await store.listMeetings({ pathwayId: 'pw-1', to: b.at(60) }))).toStrictEqual(['a']);
        expect(await store.listMeetings({ pathwayId: 'pw-3' })).toStrictEqual([]);
      });
    });

    describe('decisions and actions', () => {
      it('[R7] appending the same decision twice stores it once', async () => {
        const d = b.decision({ id: 'd-1' });
        const a = b.action({ id: 'a-1', decisionId: 'd-1' });
        await store.appendDecisions([d], [a]);
        await store.appendDecisions([d], [a]);
        expect(await store.listDecisions({})).toStrictEqual([d]);
        expect(await store.listActions({})).toStrictEqual([a]);
      });

      it('[R7] the same decision twice in one call is stored once', async () => {
        const d = b.decision({ id: 'd-1' });
        await store.appendDecisions([d, d], []);
        expect(await store.listDecisions({})).toStrictEqual([d]);
      });

      it('[R7] appending an existing decision id with other content throws and changes nothing', async () => {
        const d = b.decision({ id: 'd-1' });
        await store.appendDecisions([d], []);
        await expect(store.appendDecisions([{ ...d, text: 'Noget andet' }], [])).rejects.toThrow();
        expect(await store.listDecisions({})).toStrictEqual([d]);
      });

      it('[R7] decisions and their actions are appended all or nothing', async () => {
        const stored = b.decision({ id: 'd-1' });
        await store.appendDecisions([stored], []);
        const fresh = b.decision({ id: 'd-2', createdAt: b.at(80) });
        const freshAction = b.action({ id: 'a-2', decisionId: 'd-2' });
        const conflicting = { ...stored, text: 'Ændret i stedet for en ny beslutning' };
        await expect(store.appendDecisions([fresh, conflicting], [freshAction])).rejects.toThrow();
        expect(ids(await store.listDecisions({}))).toStrictEqual(['d-1']);
        expect(await store.listActions({})).toStrictEqual([]);
      });

      it('[R7] a correction is a new decision that supersedes the old; both stay in the log', async () => {
        const original = b.decision({ id: 'd-1' });
        const correction = b.decision({ id: 'd-2', text: 'Bostøtte 4 timer om ugen.', supersedes: 'd-1', createdAt: b.at(90) });
        await store.appendDecisions([original], []);
        await store.appendDecisions([correction], []);
        expect(await store.listDecisions({ pathwayId: 'pw-1' })).toStrictEqual([original, correction]);
      });

      it('[order] decisions are listed by createdAt (as instants), then by id', async () => {
        const decisions: Decision[] = [
          b.decision({ id: 'd-c', createdAt: '2031-03-11T09:10:00.000Z' }),
          b.decision({ id: 'd-b', createdAt: '2031-03-11T09:10:00.000Z' }),
          b.decision({ id: 'd-a', createdAt: '2031-03-11T09:20:00.000Z' }),
          // 10:05+01:00 = 09:05Z, the earliest, though it sorts last as text.
          b.decision({ id: 'd-z', createdAt: '2031-03-11T10:05:00+01:00' }),
        ];
        await store.appendDecisions(decisions, []);
        expect(ids(await store.listDecisions({}))).toStrictEqual(['d-z', 'd-b', 'd-c', 'd-a']);
      });

      describe('DecisionQuery (all fields combine with AND)', () => {
        const social = { departmentId: 'd-social', amountDkk: 0 };
        const health = { departmentId: 'd-health', amountDkk: 0 };
        const job = { departmentId: 'd-job', amountDkk: 0 };
        const escalated = { status: 'requires-leader-follow-up' as const, escalations: [{ code: 'MANDATE_MISSING' as const, departmentId: 'd-health' }] };
        const fixtures: Decision[] = [
          b.decision({ id: 'd-1', pathwayId: 'pw-1', meetingId: 'm-1', commitments: [social], createdAt: b.at(0) }),
          b.decision({ id: 'd-2', pathwayId: 'pw-1', meetingId: 'm-1', commitments: [social, health], createdAt: b.at(10), ...escalated }),
          b.decision({ id: 'd-3', pathwayId: 'pw-1', meetingId: 'm-2', commitments: [job], createdAt: b.at(20) }),
          b.decision({ id: 'd-4', pathwayId: 'pw-2', meetingId: 'm-3', commitments: [health], createdAt: b.at(30), ...escalated }),
          b.decision({ id: 'd-5', pathwayId: 'pw-2', meetingId: 'm-3', commitments: [job, social], createdAt: b.at(40) }),
        ];
        beforeEach(async () => {
          await store.appendDecisions(fixtures, []);
        });

        it('filters by pathway and by meeting', async () => {
          expect(ids(await store.listDecisions({ pathwayId: 'pw-2' }))).toStrictEqual(['d-4', 'd-5']);
          expect(ids(await store.listDecisions({ meetingId: 'm-1' }))).toStrictEqual(['d-1', 'd-2']);
          expect(ids(await store.listDecisions({ pathwayId: 'pw-2', meetingId: 'm-1' }))).toStrictEqual([]);
        });

        it('[R6] departmentIds matches decisions committing at least one of them, each once', async () => {
          expect(ids(await store.listDecisions({ departmentIds: ['d-social'] }))).toStrictEqual(['d-1', 'd-2', 'd-5']);
          expect(ids(await store.listDecisions({ departmentIds: ['d-social', 'd-health'] }))).toStrictEqual([
            'd-1',
            'd-2',
            'd-4',
            'd-5',
          ]);
          // Combined with fields that pick another index, the department filter still applies.
          expect(ids(await store.listDecisions({ pathwayId: 'pw-1', departmentIds: ['d-job'] }))).toStrictEqual(['d-3']);
          expect(ids(await store.listDecisions({ from: b.at(0), departmentIds: ['d-health'] }))).toStrictEqual(['d-2', 'd-4']);
        });

        it('[R6] an empty departmentIds list matches no decision (a leader of no department sees nothing)', async () => {
          expect(await store.listDecisions({ departmentIds: [] })).toStrictEqual([]);
        });

        it('filters by status', async () => {
          expect(ids(await store.listDecisions({ status: 'requires-leader-follow-up' }))).toStrictEqual(['d-2', 'd-4']);
          expect(ids(await store.listDecisions({ status: 'decided' }))).toStrictEqual(['d-1', 'd-3', 'd-5']);
        });

        it('from is inclusive and to is exclusive on createdAt', async () => {
          expect(ids(await store.listDecisions({ from: b.at(10), to: b.at(30) }))).toStrictEqual(['d-2', 'd-3']);
          expect(ids(await store.listDecisions({ from: b.at(30) }))).toStrictEqual(['d-4', 'd-5']);
          expect(ids(await store.listDecisions({ to: b.at(10) }))).toStrictEqual(['d-1']);
        });

        it('[R6] the leader review: escalations of my departments in a period', async () => {
          const review = await store.listDecisions({
            departmentIds: ['d-health', 'd-job'],
            status: 'requires-leader-follow-up',
            from: b.at(5),
            to: b.at(60),
          });
          expect(ids(review)).toStrictEqual(['d-2', 'd-4']);
          expect(review[0]).toStrictEqual(fixtures[1]);
        });

        it('combines every field', async () => {
          expect(
            ids(
              await store.listDecisions({
                pathwayId: 'pw-1',
                meetingId: 'm-1',
                departmentIds: ['d-health'],
                status: 'requires-leader-follow-up',
                from: b.at(0),
                to: b.at(11),
              }),
            ),
          ).toStrictEqual(['d-2']);
        });
      });

      it('[R7] actions are created with their decision and listed by pathway, owner and decision', async () => {
        const d1 = b.decision({ id: 'd-1' });
        const d2 = b.decision({ id: 'd-2', pathwayId: 'pw-2', createdAt: b.at(80) });
        const a1 = b.action({ id: 'a-1', decisionId: 'd-1', ownerId: 'p-1' });
        const a2 = b.action({ id: 'a-2', decisionId: 'd-1', ownerId: 'p-2' });
        const a3 = b.action({ id: 'a-3', decisionId: 'd-2', pathwayId: 'pw-2', ownerId: 'p-1' });
        await store.appendDecisions([d1, d2], [a1, a2, a3]);
        const sorted = async (q: Parameters<PlanStore['listActions']>[0]) => ids(await store.listActions(q)).sort();
        expect(await sorted({})).toStrictEqual(['a-1', 'a-2', 'a-3']);
        expect(await sorted({ pathwayId: 'pw-1' })).toStrictEqual(['a-1', 'a-2']);
        expect(await sorted({ ownerId: 'p-1' })).toStrictEqual(['a-1', 'a-3']);
        expect(await sorted({ decisionIds: ['d-2'] })).toStrictEqual(['a-3']);
        expect(await sorted({ decisionIds: [] })).toStrictEqual([]);
        expect(await sorted({ pathwayId: 'pw-1', ownerId: 'p-1' })).toStrictEqual(['a-1']);
        expect((await store.listActions({ decisionIds: ['d-2'] }))[0]).toStrictEqual(a3);
      });

      it('setActionStatus changes only the status', async () => {
        const a = b.action({ id: 'a-1', decisionId: 'd-1' });
        await store.appendDecisions([b.decision({ id: 'd-1' })], [a]);
        await store.setActionStatus('a-1', 'done');
        expect(await store.listActions({})).toStrictEqual([{ ...a, status: 'done' }]);
        await store.setActionStatus('a-1', 'open');
        expect(await store.listActions({})).toStrictEqual([a]);
      });

      it('setActionStatus of an unknown action throws NotFoundError', async () => {
        await expect(store.setActionStatus('nope', 'done')).rejects.toBeInstanceOf(NotFoundError);
      });

      it('[R7] a retried append after the action was done keeps it done', async () => {
        const d = b.decision({ id: 'd-1' });
        const a = b.action({ id: 'a-1', decisionId: 'd-1' });
        await store.appendDecisions([d], [a]);
        await store.setActionStatus('a-1', 'done');
        await store.appendDecisions([d], [a]);
        expect(await store.listActions({})).toStrictEqual([{ ...a, status: 'done' }]);
      });

      it('[R7] an existing action id with other content is rejected', async () => {
        const d = b.decision({ id: 'd-1' });
        const a = b.action({ id: 'a-1', decisionId: 'd-1' });
        await store.appendDecisions([d], [a]);
        await expect(store.appendDecisions([d], [{ ...a, ownerId: 'someone-else' }])).rejects.toThrow();
        expect(await store.listActions({})).toStrictEqual([a]);
      });
    });

    describe('minutes', () => {
      it('getMinutes of a meeting without minutes returns null', async () => {
        expect(await store.getMinutes('m-1')).toBeNull();
      });

      it('[R7] the first write of a meeting creates version 1', async () => {
        const input = b.minutesInput({ meetingId: 'm-1' });
        const written = await store.writeMinutes(input);
        expect(written).toMatchObject({ ...input, version: 1 });
        expect(await store.getMinutes('m-1')).toStrictEqual(written);
      });

      it('[R7] writing minutes again keeps one entry per meeting and increments the version', async () => {
        const first = await store.writeMinutes(b.minutesInput({ meetingId: 'm-1' }));
        const secondInput = b.minutesInput({
          meetingId: 'm-1',
          content: b.minutesContent({ citizenView: 'Rettet: borgeren vil gerne flytte i foråret.' }),
          approvedAt: b.at(240),
        });
        const second = await store.writeMinutes(secondInput);
        expect(second).toStrictEqual({ ...secondInput, id: first.id, version: 2 });
        const third = await store.writeMinutes(secondInput);
        expect(third.version).toBe(3);
        expect(await store.listMinutes('pw-1')).toStrictEqual([third]);
        expect(await store.getMinutes('m-1')).toStrictEqual(third);
      });

      it('every write to the plan is audited once: plan versions, decisions, minutes (who, what, when in UTC; no content)', async () => {
        await store.savePlan(b.plan('pw-1'), 0);
        await store.savePlan(b.plan('pw-1', { updatedAt: '2031-03-11T10:05:00+01:00', updatedBy: 'p-other', goals: [] }), 1);
        const decided = b.decision({ id: 'd-1', createdAt: b.at(70) });
        await store.appendDecisions([decided], []);
        await store.appendDecisions([decided], []); // an idempotent retry adds no second entry
        await store.appendDecisions([b.decision({ id: 'd-2', supersedes: 'd-1', createdAt: b.at(80), createdBy: 'p-other' })], []);
        await store.writeMinutes(b.minutesInput({ meetingId: 'm-1', approvedAt: b.at(200) }));
        await store.writeMinutes(
          b.minutesInput({ meetingId: 'm-1', content: b.minutesContent({ citizenView: 'Rettet.' }), approvedAt: b.at(240), approvedBy: 'p-other' }),
        );
        const audit = await store.listAudit('pw-1');
        expect(audit.map((e) => [e.id, e.entity, e.action, e.actorId, e.at])).toStrictEqual([
          ['pw-1:plan:1', 'plan', 'create', 'p-coordinator', b.T0],
          ['pw-1:plan:2', 'plan', 'update', 'p-other', '2031-03-11T09:05:00.000Z'],
          ['pw-1:decision:d-1', 'decision', 'create', 'p-coordinator', b.at(70)],
          ['pw-1:decision:d-2', 'decision', 'create', 'p-other', b.at(80)],
          ['pw-1:minutes:m-1:1', 'minutes', 'create', 'p-coordinator', b.at(200)],
          ['pw-1:minutes:m-1:2', 'minutes', 'update', 'p-other', b.at(240)],
        ]);
        expect(audit.map((e) => e.changedFields)).toStrictEqual([
          ['goals', 'interventions', 'transitions'],
          ['goals'],
          [],
          ['supersedes'],
          Object.keys(b.minutesContent()),
          ['citizenView'],
        ]);
        // Field names only: none of the plan's, the decision's or the minutes' words.
        const text = JSON.stringify(audit);
        for (const content of [decided.text, 'Rettet.', b.minutesContent().citizenView]) expect(text).not.toContain(content);
      });

      it('[order] listMinutes returns the pathway\'s minutes by meeting start', async () => {
        const later = b.minutesInput({ meetingId: 'm-later', content: b.minutesContent({ meetingStart: b.at(600) }) });
        const earlier = b.minutesInput({ meetingId: 'm-earlier', content: b.minutesContent({ meetingStart: b.at(60) }) });
        const other = b.minutesInput({ meetingId: 'm-other', pathwayId: 'pw-2' });
        for (const m of [later, earlier, other]) await store.writeMinutes(m);
        expect((await store.listMinutes('pw-1')).map((m) => m.meetingId)).toStrictEqual(['m-earlier', 'm-later']);
        expect((await store.listMinutes('pw-2')).map((m) => m.meetingId)).toStrictEqual(['m-other']);
        expect(await store.listMinutes('pw-3')).toStrictEqual([]);
      });

      it('[R7] concurrent first writes of one meeting still give one entry', async () => {
        await Promise.all([
          store.writeMinutes(b.minutesInput({ meetingId: 'm-1' })),
          store.writeMinutes(b.minutesInput({ meetingId: 'm-1', approvedAt: b.at(181) })),
        ]);
        const listed = await store.listMinutes('pw-1');
        expect(listed).toHaveLength(1);
        expect(listed[0]?.version).toBe(2);
      });
    });

    describe('drafts', () => {
      it('[R7] a saved draft is read back, and the next save replaces it', async () => {
        const first = b.draft({ meetingId: 'm-1', authorId: 'p-1' });
        await store.saveDraft(first);
        expect(await store.getDraft('m-1', 'p-1')).toStrictEqual(first);
        const second = { ...first, text: 'Borgeren får bostøtte', updatedAt: b.at(66) };
        await store.saveDraft(second);
        expect(await store.getDraft('m-1', 'p-1')).toStrictEqual(second);
      });

      it('drafts are kept per meeting and author', async () => {
        const mine = b.draft({ meetingId: 'm-1', authorId: 'p-1', text: 'mit udkast' });
        const yours = b.draft({ meetingId: 'm-1', authorId: 'p-2', text: 'dit udkast' });
        const otherMeeting = b.draft({ meetingId: 'm-2', authorId: 'p-1', text: 'andet møde' });
        for (const d of [mine, yours, otherMeeting]) await store.saveDraft(d);
        expect(await store.getDraft('m-1', 'p-1')).toStrictEqual(mine);
        expect(await store.getDraft('m-1', 'p-2')).toStrictEqual(yours);
        expect(await store.getDraft('m-2', 'p-1')).toStrictEqual(otherMeeting);
        expect(await store.getDraft('m-2', 'p-2')).toBeNull();
      });

      it('deleteDraft removes only that draft; deleting a missing draft is a no-op', async () => {
        await store.saveDraft(b.draft({ meetingId: 'm-1', authorId: 'p-1' }));
        await store.saveDraft(b.draft({ meetingId: 'm-1', authorId: 'p-2' }));
        await store.deleteDraft('m-1', 'p-1');
        await store.deleteDraft('m-1', 'p-1');
        expect(await store.getDraft('m-1', 'p-1')).toBeNull();
        expect(await store.getDraft('m-1', 'p-2')).not.toBeNull();
      });
    });

    describe('consent (rule 8)', () => {
      const given: ConsentEvent = {
        kind: 'given',
        pathwayId: 'pw-1',
        version: 1,
        recordedAt: b.at(0),
        recordedBy: 'p-coordinator',
        grant: {
          givenOn: '2031-03-11',
          form: 'written',
          scope: { departmentIds: ['d-social', 'd-health', 'd-job'], replacedPlans: ['jobplan'] },
          reviewDate: '2032-03-11',
        },
      };
      const withdrawHealth: ConsentEvent = {
        kind: 'withdrawn',
        pathwayId: 'pw-1',
        version: 2,
        recordedAt: b.at(60),
        recordedBy: 'p-coordinator',
        withdrawnOn: '2031-03-11',
        departmentId: 'd-health',
      };
      const renewed: ConsentEvent = {
        kind: 'renewed',
        pathwayId: 'pw-1',
        version: 3,
        recordedAt: b.at(120),
        recordedBy: 'p-other',
        grant: { ...given.grant, form: 'oral', reviewDate: '2032-06-01' },
      };

      it('[R8] getConsent of a pathway without consent returns null and the history is empty', async () => {
        expect(await store.getConsent('pw-1')).toBeNull();
        expect(await store.listConsentHistory('pw-1')).toStrictEqual([]);
        expect(await store.listAudit('pw-1')).toStrictEqual([]);
      });

      it('[R8] the history is append-only: withdrawal and renewal add events and keep the earlier ones', async () => {
        await store.appendConsentEvent(given);
        const afterWithdrawal = await store.appendConsentEvent(withdrawHealth);
        expect(afterWithdrawal.withdrawals).toStrictEqual([
          { departmentId: 'd-health', withdrawnOn: '2031-03-11', recordedBy: 'p-coordinator' },
        ]);
        const afterRenewal = await store.appendConsentEvent(renewed);
        expect(afterRenewal).toStrictEqual({
          pathwayId: 'pw-1',
          givenOn: '2031-03-11',
          form: 'oral',
          recordedBy: 'p-other',
          scope: given.grant.scope,
          reviewDate: '2032-06-01',
          withdrawals: [],
          version: 3,
        });
        expect(await store.getConsent('pw-1')).toStrictEqual(afterRenewal);
        expect(await store.listConsentHistory('pw-1')).toStrictEqual([given, withdrawHealth, renewed]);
      });

      it('[R8] an event must follow the newest version; a stale writer gets VersionConflictError', async () => {
        await store.appendConsentEvent(given);
        await store.appendConsentEvent(withdrawHealth);
        const stale = { ...withdrawHealth, departmentId: 'd-job' };
        await expect(store.appendConsentEvent(stale)).rejects.toBeInstanceOf(VersionConflictError);
        await expect(store.appendConsentEvent({ ...renewed, version: 5 })).rejects.toBeInstanceOf(VersionConflictError);
        expect(await store.listConsentHistory('pw-1')).toHaveLength(2);
      });

      it('[R8] appending the same event again is a no-op (idempotent retry)', async () => {
        await store.appendConsentEvent(given);
        await store.appendConsentEvent(given);
        expect(await store.listConsentHistory('pw-1')).toStrictEqual([given]);
        expect(await store.listAudit('pw-1')).toHaveLength(1);
      });

      it('[R8] the first event must give consent: a withdrawal without consent throws NotFoundError', async () => {
        await expect(store.appendConsentEvent({ ...withdrawHealth, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
        expect(await store.listConsentHistory('pw-1')).toStrictEqual([]);
      });

      it('[R8] every change is audited: who, when, which fields; no content', async () => {
        await store.appendConsentEvent(given);
        await store.appendConsentEvent(withdrawHealth);
        await store.appendConsentEvent(renewed);
        expect(await store.listAudit('pw-1')).toStrictEqual([
          {
            id: 'pw-1:consent:1',
            pathwayId: 'pw-1',
            entity: 'consent',
            action: 'create',
            changedFields: ['givenOn', 'form', 'scope.departmentIds', 'scope.replacedPlans', 'reviewDate'],
            actorId: 'p-coordinator',
            at: b.at(0),
          },
          {
            id: 'pw-1:consent:2',
            pathwayId: 'pw-1',
            entity: 'consent',
            action: 'withdraw',
            changedFields: ['withdrawals'],
            actorId: 'p-coordinator',
            at: b.at(60),
          },
          {
            id: 'pw-1:consent:3',
            pathwayId: 'pw-1',
            entity: 'consent',
            action: 'update',
            changedFields: ['form', 'reviewDate', 'withdrawals'],
            actorId: 'p-other',
            at: b.at(120),
          },
        ]);
      });

      it('[R8] consent is kept per pathway', async () => {
        await store.appendConsentEvent(given);
        await store.appendConsentEvent({ ...given, pathwayId: 'pw-2' });
        await store.appendConsentEvent(withdrawHealth);
        expect((await store.getConsent('pw-2'))?.withdrawals).toStrictEqual([]);
        expect(await store.listConsentHistory('pw-2')).toHaveLength(1);
        expect(await store.listAudit('pw-2')).toHaveLength(1);
      });
    });
  });
}

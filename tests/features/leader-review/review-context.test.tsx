import { describe, expect, it } from 'vitest';
import { reviewDecisions, type ReviewFilter } from '../../../src/application';
import type { PlanStore } from '../../../src/ports/plan-store';
import { decision, pathway } from '../../contract/support/builders';
import { makeHarness } from '../demo-harness';

const all: ReviewFilter = { departmentIds: [], status: 'all', from: null, to: null, responsibleId: null, onlyOverdue: false };

/** The store behind the port, counting the whole-list reads a filter change should not repeat. */
function counting(store: PlanStore) {
  const counts = { listPathways: 0, listMeetings: 0 };
  const wrapped: PlanStore = Object.create(store) as PlanStore;
  wrapped.listPathways = () => {
    counts.listPathways += 1;
    return store.listPathways();
  };
  wrapped.listMeetings = (q) => {
    counts.listMeetings += 1;
    return store.listMeetings(q);
  };
  return { wrapped, counts };
}

describe('reviewDecisions with the previous result\'s context (issue 6)', () => {
  it('[R6] a new department or status reads only decisions (and unread actions), the same rows as a fresh review', async () => {
    const h = await makeHarness('staff-hanne');
    const { wrapped, counts } = counting(h.services.store);
    const s = { ...h.services, store: wrapped };
    const first = await reviewDecisions(s, all);
    expect(counts).toEqual({ listPathways: 1, listMeetings: 1 });

    const health: ReviewFilter = { ...all, departmentIds: ['dept-health'], status: 'requires-leader-follow-up' };
    const reused = await reviewDecisions(s, health, first.context);
    expect(counts).toEqual({ listPathways: 1, listMeetings: 1 });
    const fresh = await reviewDecisions(h.services, health);
    expect(reused.rows).toEqual(fresh.rows);
    expect(reused.attendance).toEqual(fresh.attendance);
    expect(reused.rows.map((r) => r.decision.id)).toEqual(['decision-lene-2']);

    // Another period reads the meetings of that period.
    await reviewDecisions(s, { ...all, from: '2026-01-01T00:00:00.000Z' }, first.context);
    expect(counts.listMeetings).toBe(2);
  });

  it('[R7] a decision of a pathway created since the context was read is listed, not dropped', async () => {
    const h = await makeHarness('staff-hanne');
    const { wrapped, counts } = counting(h.services.store);
    const s = { ...h.services, store: wrapped };
    const first = await reviewDecisions(s, all);
    const team = (await h.services.store.getPathway('pathway-lene'))?.team ?? { members: [] };
    await h.services.store.savePathway(pathway({ id: 'pathway-new', team, coordinatorId: 'staff-mette' }));
    await h.services.store.appendDecisions(
      [decision({ id: 'decision-new', pathwayId: 'pathway-new', meetingId: 'meeting-new', createdAt: '2026-03-10T07:00:00.000Z', commitments: [{ departmentId: 'dept-social', amountDkk: 0 }], responsibleId: 'staff-mette' })],
      [],
    );
    const again = await reviewDecisions(s, all, first.context);
    expect(again.rows.map((r) => r.decision.id)).toContain('decision-new');
    expect(counts.listPathways).toBe(2);
  });
});

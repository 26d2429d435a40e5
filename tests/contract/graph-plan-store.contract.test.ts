/** Runs the PlanStore contract against GraphPlanStore, alone and behind DeltaDecisionCache, over the fake SharePoint (msw, Node). */
import { afterAll, beforeAll, expect } from 'vitest';
import { DeltaDecisionCache } from '../../src/adapters/graph/delta-decision-cache';
import { GraphPlanStore } from '../../src/adapters/graph/graph-plan-store';
import { provisionLists } from '../../src/adapters/graph/sharepoint-lists';
import { describePlanStoreContract } from './plan-store.contract';
import { harness, listen } from '../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';

describePlanStoreContract('GraphPlanStore (msw fake SharePoint)', async () => {
  const { fake, api } = harness({ scopes: ['Sites.Selected'] });
  fake.sharePoint.addSite(SITE);
  const { listIds } = await provisionLists(api, SITE);
  return {
    store: new GraphPlanStore(api, { siteId: SITE, listIds, auditKey: 'contract-audit-key' }),
    cleanup: async () => {
      expect(fake.schemaViolations).toStrictEqual([]);
    },
  };
});

// What Teams mode composes for the leader review: broad decision queries answered from the delta copy.
describePlanStoreContract('DeltaDecisionCache over GraphPlanStore (msw fake SharePoint)', async () => {
  const { fake, api } = harness({ scopes: ['Sites.Selected'] });
  fake.sharePoint.addSite(SITE);
  const { listIds } = await provisionLists(api, SITE);
  return {
    store: new DeltaDecisionCache(new GraphPlanStore(api, { siteId: SITE, listIds, auditKey: 'contract-audit-key' })),
    cleanup: async () => {
      expect(fake.schemaViolations).toStrictEqual([]);
    },
  };
});

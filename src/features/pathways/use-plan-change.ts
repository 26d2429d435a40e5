import { useCallback, useState } from 'react';
import { changePlan, type PlanChange } from '../../application/pathways';
import { VersionConflictError } from '../../ports/plan-store';
import { useSession } from '../../ui/services-context';

export type PlanChangeOutcome = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; error: unknown };

/**
 * Applies one change to the plan through the use case, then asks the screen to reload. A
 * concurrent change by someone else (VersionConflictError) is reported, never overwritten.
 */
export function usePlanChange(pathwayId: string, reload: () => void) {
  const { services } = useSession();
  const [outcome, setOutcome] = useState<PlanChangeOutcome | null>(null);
  const apply = useCallback(
    async (change: PlanChange): Promise<boolean> => {
      try {
        await changePlan(services, pathwayId, change);
        setOutcome({ kind: 'saved' });
        reload();
        return true;
      } catch (error: unknown) {
        if (error instanceof VersionConflictError) {
          setOutcome({ kind: 'conflict' });
          reload();
        } else {
          setOutcome({ kind: 'failed', error });
        }
        return false;
      }
    },
    [services, pathwayId, reload],
  );
  return { apply, outcome, clear: () => setOutcome(null) };
}

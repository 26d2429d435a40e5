import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Services } from '../ports/services';
import type { Department, Person } from '../domain/model';

/**
 * What every screen may use: the ports (through the use cases), the signed-in person and the
 * municipality's departments (loaded once at start; they change rarely).
 */
export interface Session {
  services: Services;
  me: Person;
  departments: Department[];
  /**
   * The session again after the administrator saved `departments` (src/features/departments):
   * in Teams mode a directory with the new mapping and leaders, and `me` read through it. Absent:
   * the departments are simply replaced (the directory does not depend on them).
   */
  recompose?: (departments: Department[]) => Promise<Session>;
}

interface SessionValue {
  session: Session;
  onChange?: (next: Session) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Provides the session to the screens. `onChange` lets a screen put saved departments into effect
 * (useApplyDepartments); without it (a frame that cannot swap its session) they ask for a reload.
 */
export function SessionProvider({ session, onChange, children }: { session: Session; onChange?: (next: Session) => void; children: ReactNode }) {
  const value = useMemo(() => ({ session, onChange }), [session, onChange]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionValue(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function useSession(): Session {
  return useSessionValue().session;
}

/**
 * Puts departments that were just saved into effect in the running app (who is a leader, who
 * belongs where). Resolves true when the session was recomposed, false when the frame must be
 * reloaded for it.
 */
export function useApplyDepartments(): (departments: Department[]) => Promise<boolean> {
  const { session, onChange } = useSessionValue();
  return useCallback(
    async (departments) => {
      if (onChange === undefined) return false;
      onChange(session.recompose ? await session.recompose(departments) : { ...session, departments });
      return true;
    },
    [session, onChange],
  );
}

/** The department's name, for display. Unknown ids are shown as they are, never hidden. */
export function useDepartmentName(): (id: string) => string {
  const { departments } = useSession();
  return (id) => departments.find((d) => d.id === id)?.name ?? id;
}

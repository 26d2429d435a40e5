import { createContext, useContext, type ReactNode } from 'react';
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
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The department's name, for display. Unknown ids are shown as they are, never hidden. */
export function useDepartmentName(): (id: string) => string {
  const { departments } = useSession();
  return (id) => departments.find((d) => d.id === id)?.name ?? id;
}

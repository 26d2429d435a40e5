/** Wiring shared by the Graph adapter tests: msw server, fake Graph, adapters with instant back-off. */
import { setupServer } from 'msw/node';
import type { Person, Rsvp } from '../../../src/domain/model';
import { GraphApi, type GraphApiOptions } from '../../../src/adapters/graph/graph-api';
import type { AccessTokenProvider } from '../../../src/adapters/graph/access-token-provider';
import { FakeGraph, type FakeUser } from './fake-graph';
import { warmGraphSchemas } from './graph-openapi';

export const server = setupServer();

/** Starts msw for the calling test file; unhandled requests fail the test. */
export function listen(beforeAll: (fn: () => void, timeout?: number) => void, afterAll: (fn: () => void) => void): void {
  beforeAll(() => {
    warmGraphSchemas();
    server.listen({ onUnhandledRequest: 'error' });
  }, 60_000);
  afterAll(() => server.close());
}

export const ORGANISER: FakeUser = {
  id: 'u-organiser',
  displayName: 'Tove Holder',
  mail: 'organiser@kommune.example',
  userPrincipalName: 'organiser@kommune.example',
  department: 'Socialafdelingen',
  jobTitle: 'Socialrådgiver',
};

/** Hands out `token-1`, `token-2`, ... (a forced refresh gives a new one) and records each ask. */
export class CountingTokens implements AccessTokenProvider {
  readonly asked: { scopes: readonly string[]; forceRefresh: boolean }[] = [];
  private n = 1;
  async getToken(scopes: readonly string[], options?: { forceRefresh?: boolean }): Promise<string> {
    const forceRefresh = options?.forceRefresh === true;
    this.asked.push({ scopes, forceRefresh });
    if (forceRefresh) this.n += 1;
    return `token-${this.n}`;
  }
}

export interface Harness {
  fake: FakeGraph;
  tokens: CountingTokens;
  api: GraphApi;
  /** Back-off waits asked for (ms), in order. */
  sleeps: number[];
}

export function harness(
  options: { users?: readonly FakeUser[]; mailboxes?: readonly string[]; me?: FakeUser; scopes?: readonly string[] } & Partial<Pick<GraphApiOptions, 'retry'>> = {},
): Harness {
  const me = options.me ?? ORGANISER;
  const fake = new FakeGraph({ me, users: options.users ?? [me], mailboxes: options.mailboxes });
  server.resetHandlers(...fake.handlers());
  const tokens = new CountingTokens();
  const sleeps: number[] = [];
  const api = new GraphApi({
    tokens,
    scopes: options.scopes ?? ['Calendars.ReadWrite'],
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      now: () => fake.nowMs,
      random: () => 0.5,
      ...options.retry,
    },
  });
  return { fake, tokens, api, sleeps };
}

export const RSVP_TO_GRAPH: Record<Rsvp, 'accepted' | 'tentativelyAccepted' | 'declined' | 'none'> = {
  accepted: 'accepted',
  tentative: 'tentativelyAccepted',
  declined: 'declined',
  none: 'none',
};

/** Directory users for domain people, with the department's directory name. */
export function fakeUsersFor(people: readonly Person[], departmentNames: Readonly<Record<string, string>>): FakeUser[] {
  return people.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    mail: p.email,
    userPrincipalName: p.email,
    department: p.departmentId === null ? null : (departmentNames[p.departmentId] ?? null),
    jobTitle: p.jobTitle,
  }));
}

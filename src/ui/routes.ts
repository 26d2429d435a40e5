/**
 * The app's screens as hash routes (the app is static and runs inside Teams' iframe, so it
 * never needs a server rewrite). Features link to each other through these builders only.
 */
export type Route =
  | { name: 'pathways' }
  | { name: 'new-pathway' }
  /** `decisionId`: a link to one decision (a Teams activity notice, the leader review). */
  | { name: 'pathway'; pathwayId: string; decisionId: string | null }
  | { name: 'book'; pathwayId: string }
  | { name: 'meeting'; meetingId: string }
  | { name: 'minutes'; meetingId: string }
  | { name: 'stage'; meetingId: string }
  | { name: 'leader'; query: string }
  | { name: 'departments' }
  | { name: 'not-found' };

/** The query parameter naming one decision in a plan's route (Danish, like the paths). */
export const DECISION_PARAM = 'beslutning';

export const href = {
  pathways: () => '#/forloeb',
  newPathway: () => '#/forloeb/nyt',
  pathway: (id: string) => `#/forloeb/${encodeURIComponent(id)}`,
  /** One decision in its plan: the plan opens scrolled to it, marked and focused. */
  decision: (pathwayId: string, decisionId: string) =>
    `#/forloeb/${encodeURIComponent(pathwayId)}?${DECISION_PARAM}=${encodeURIComponent(decisionId)}`,
  book: (pathwayId: string) => `#/forloeb/${encodeURIComponent(pathwayId)}/book`,
  meeting: (id: string) => `#/moede/${encodeURIComponent(id)}`,
  minutes: (meetingId: string) => `#/moede/${encodeURIComponent(meetingId)}/referat`,
  /** The meeting stage in standalone mode: what the citizen sees (goals, consent). */
  stage: (meetingId: string) => `#/moede/${encodeURIComponent(meetingId)}/scene`,
  leader: (query = '') => `#/ledelse${query ? `?${query}` : ''}`,
  /** The administrator's departments and their leaders. */
  departments: () => '#/afdelinger',
};

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/forloeb';
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'forloeb') {
    if (second === undefined) return { name: 'pathways' };
    if (second === 'nyt' && third === undefined) return { name: 'new-pathway' };
    if (third === undefined) return { name: 'pathway', pathwayId: second, decisionId: new URLSearchParams(query).get(DECISION_PARAM) || null };
    if (third === 'book' && parts.length === 3) return { name: 'book', pathwayId: second };
  }
  if (first === 'moede' && second !== undefined) {
    if (third === undefined) return { name: 'meeting', meetingId: second };
    if (third === 'referat' && parts.length === 3) return { name: 'minutes', meetingId: second };
    if (third === 'scene' && parts.length === 3) return { name: 'stage', meetingId: second };
  }
  if (first === 'ledelse' && second === undefined) return { name: 'leader', query };
  if (first === 'afdelinger' && second === undefined) return { name: 'departments' };
  return { name: 'not-found' };
}

export function navigate(to: string): void {
  window.location.hash = to;
}

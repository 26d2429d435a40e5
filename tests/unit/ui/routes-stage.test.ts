import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('the stage route (rule 8)', () => {
  it('[R8] #/moede/<id>/scene opens the stage of that meeting, and href.stage builds it', () => {
    expect(href.stage('meeting emil/2')).toBe('#/moede/meeting%20emil%2F2/scene');
    expect(parseRoute(href.stage('meeting emil/2'))).toEqual({ name: 'stage', meetingId: 'meeting emil/2' });
    expect(parseRoute('#/moede/m1/scene/extra')).toEqual({ name: 'not-found' });
  });
});

describe('a link to one decision in its plan', () => {
  it('#/forloeb/<id>?beslutning=<decision> opens the plan at that decision, and href.decision builds it', () => {
    expect(href.decision('forløb 1', 'dec/2')).toBe('#/forloeb/forl%C3%B8b%201?beslutning=dec%2F2');
    expect(parseRoute(href.decision('forløb 1', 'dec/2'))).toEqual({ name: 'pathway', pathwayId: 'forløb 1', decisionId: 'dec/2' });
    expect(parseRoute(href.pathway('p1'))).toEqual({ name: 'pathway', pathwayId: 'p1', decisionId: null });
    expect(parseRoute('#/forloeb/p1?beslutning=')).toEqual({ name: 'pathway', pathwayId: 'p1', decisionId: null });
  });
});

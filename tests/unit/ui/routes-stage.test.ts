import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('the stage route (rule 8)', () => {
  it('[R8] #/moede/<id>/scene opens the stage of that meeting, and href.stage builds it', () => {
    expect(href.stage('meeting emil/2')).toBe('#/moede/meeting%20emil%2F2/scene');
    expect(parseRoute(href.stage('meeting emil/2'))).toEqual({ name: 'stage', meetingId: 'meeting emil/2' });
    expect(parseRoute('#/moede/m1/scene/extra')).toEqual({ name: 'not-found' });
  });
});

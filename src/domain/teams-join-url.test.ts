import { describe, expect, it } from 'vitest';
import { chatIdFromJoinUrl } from './teams-join-url';

describe('chatIdFromJoinUrl', () => {
  it('reads the meeting chat thread id from a classic Teams join URL', () => {
    expect(
      chatIdFromJoinUrl(
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5ZTk3%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
      ),
    ).toBe('19:meeting_NjA5ZTk3@thread.v2');
  });

  it('returns null for a short join URL, another site or no URL at all', () => {
    expect(chatIdFromJoinUrl('https://teams.microsoft.com/meet/3487?p=abc')).toBeNull();
    expect(chatIdFromJoinUrl('https://helhed.invalid/demo-meeting/ev1')).toBeNull();
    expect(chatIdFromJoinUrl('not a url')).toBeNull();
    expect(chatIdFromJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeNull();
  });
});

/**
 * The Directory contract (src/ports/directory.ts), adapter-agnostic. The factory builds a
 * directory holding exactly `people`, signed in as `meId` (the Graph harness serves them from
 * its mock /users and /me).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/model';
import type { Directory } from '../../src/ports/directory';
import { people } from './support/builders';

export interface DirectoryFixture {
  directory: Directory;
  cleanup(): Promise<void>;
}

const ids = (list: readonly Person[]): string[] => list.map((p) => p.id);

export function describeDirectoryContract(
  name: string,
  factory: (people: readonly Person[], meId: string) => Promise<DirectoryFixture>,
): void {
  describe(`Directory contract: ${name}`, () => {
    let fixture: DirectoryFixture;
    let directory: Directory;

    beforeEach(async () => {
      fixture = await factory(people, 'u-anna');
      directory = fixture.directory;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('me() is the signed-in person, and getPerson(me.id) returns the same person', async () => {
      const me = await directory.me();
      expect(me).toStrictEqual(people.find((p) => p.id === 'u-anna'));
      expect(await directory.getPerson(me.id)).toStrictEqual(me);
    });

    it('getPerson of an unknown id returns null', async () => {
      expect(await directory.getPerson('nobody')).toBeNull();
    });

    it("search('') and a blank query return nobody", async () => {
      expect(await directory.search('')).toStrictEqual([]);
      expect(await directory.search('   ')).toStrictEqual([]);
    });

    it('search matches the name or the e-mail, ignoring case', async () => {
      expect(ids(await directory.search('BERG'))).toStrictEqual(['u-anna']);
      expect(ids(await directory.search('oernulf.dam@'))).toStrictEqual(['u-oern']);
    });

    it('[da] search folds the case of æ, ø and å, which match only themselves', async () => {
      expect(ids(await directory.search('åse'))).toStrictEqual(['u-aase']);
      expect(ids(await directory.search('ØRNULF'))).toStrictEqual(['u-oern']);
      expect(ids(await directory.search('ægidius'))).toStrictEqual(['u-aeble']);
      expect(ids(await directory.search('søgaard'))).toStrictEqual(['u-bente']);
      // No diacritics folding: "o" is not "ø", "a" is not "å".
      expect(await directory.search('ornulf')).toStrictEqual([]);
      expect(await directory.search('ase holm')).toStrictEqual([]);
    });

    it('[da] search returns at most `limit` people, sorted by display name in Danish order', async () => {
      const all = await directory.search('kommune.example', 50);
      expect(ids(all)).toStrictEqual(['u-anna', 'u-bente', 'u-zak', 'u-aeble', 'u-oern', 'u-aase']);
      expect(ids(await directory.search('kommune.example', 2))).toStrictEqual(['u-anna', 'u-bente']);
      expect(all[0]).toStrictEqual(people[0]);
    });

    it('listByDepartment returns exactly the people of that department', async () => {
      expect(ids(await directory.listByDepartment('d-social')).sort()).toStrictEqual(['u-aeble', 'u-anna', 'u-zak']);
      expect(await directory.listByDepartment('d-none')).toStrictEqual([]);
    });
  });
}

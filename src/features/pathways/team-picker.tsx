import type { Person } from '../../domain/model';
import { useI18n } from '../../ui/i18n';
import { PeoplePicker } from '../../ui/people-picker';

/** Finds staff in the directory and adds them to the team (one "Tilføj" button per person). */
export function TeamPicker({ teamIds, onAdd }: { teamIds: ReadonlySet<string>; onAdd: (person: Person) => void }) {
  const { t } = useI18n();
  return (
    <PeoplePicker
      chosenIds={teamIds}
      onAdd={onAdd}
      labels={{
        find: t.pathways.findStaff,
        hint: t.pathways.findStaffHint,
        results: t.pathways.searchResults,
        noneFound: t.pathways.noStaffFound,
        add: t.pathways.add,
        addPerson: t.pathways.addPerson,
        alreadyChosen: t.pathways.alreadyInTeam,
      }}
    />
  );
}

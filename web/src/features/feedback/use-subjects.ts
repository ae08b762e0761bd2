import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { promisesApi } from '../promises/promises.api';
import { teamsApi } from '../teams/teams.api';

export interface SubjectOption {
  value: string;
  label: string;
}

/** Promises (published first) and teams a response or a survey may be about, as select options. */
export function useSubjects(): { promise: SubjectOption[]; team: SubjectOption[] } {
  const { org } = useOrg();
  const subjects = useResource(async () => {
    const [promises, teams] = await Promise.all([promisesApi.list(org.slug), teamsApi.list(org.slug)]);
    return {
      promise: [...promises.items]
        .sort((a, b) => Number(b.status === 'published') - Number(a.status === 'published') || a.title.localeCompare(b.title))
        .map((p) => ({ value: p.id, label: p.title })),
      team: teams.items.map((t) => ({ value: t.id, label: t.name })),
    };
  }, org.slug);
  return subjects.data ?? { promise: [], team: [] };
}

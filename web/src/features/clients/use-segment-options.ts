import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { discoveryApi } from '../discovery/discovery.api';

/** The organization's segments as select options (first 100, by name), and a name lookup. */
export function useSegmentOptions() {
  const { org } = useOrg();
  const segments = useResource(() => discoveryApi.segments(org.slug), org.slug);
  const items = segments.data?.items ?? [];
  const options = [...items].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.id, label: s.name }));
  const names = new Map(items.map((s) => [s.id, s.name] as const));
  return { options, nameOf: (id: string) => names.get(id) ?? id, isLoading: segments.isLoading };
}

import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Resource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { discoveryApi, type ProfileKind, type SegmentContextInput, type ValueItemInput, type Workspace } from './discovery.api';
import type { ProfileFormInput } from './profile-form-modal';
import { isProfileKind, type WorkspaceTarget } from './workspace-context';
import { toggledTargets, withTargets } from './workspace-model';

/**
 * Every change of the workspace: one request, then the workspace read again, so that the fit
 * shown is always the server's. Link toggles show at once and are confirmed by the re-read.
 */
export function useWorkspaceActions(workspace: Resource<Workspace>, segmentId: string) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const refresh = () => workspace.reload();

  const saveProfile = async (kind: ProfileKind, input: ProfileFormInput, itemId?: string) => {
    if (itemId) await discoveryApi.updateItem(org.slug, kind, itemId, input as never);
    else await discoveryApi.createItem(org.slug, kind, segmentId, input as never);
    notifySuccess(itemId ? t('workspace.saved', { name: input.text }) : t('workspace.added', { name: input.text }));
    await refresh();
  };

  const saveValue = async (input: ValueItemInput, itemId?: string) => {
    if (itemId) {
      const { kind: _kind, ...change } = input;
      await discoveryApi.updateValueItem(org.slug, itemId, change);
    } else {
      await discoveryApi.createValueItem(org.slug, segmentId, input);
    }
    notifySuccess(itemId ? t('workspace.saved', { name: input.name }) : t('workspace.added', { name: input.name }));
    await refresh();
  };

  const saveContext = async (input: SegmentContextInput) => {
    await discoveryApi.putContext(org.slug, segmentId, input);
    notifySuccess(t('segmentContext.saved'));
    await refresh();
  };

  const remove = async (target: WorkspaceTarget) => {
    if (!target.item) return;
    try {
      if (isProfileKind(target.kind)) await discoveryApi.removeItem(org.slug, target.kind, target.item.id);
      else await discoveryApi.removeValueItem(org.slug, target.item.id);
      notifySuccess(t('workspace.deleted', { name: 'text' in target.item ? target.item.text : target.item.name }));
      await refresh();
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const toggleLink = async (itemId: string, targetId: string) => {
    const item = workspace.data?.valueItems.find((v) => v.id === itemId);
    if (!item) return;
    const targetIds = toggledTargets(item, targetId);
    workspace.setData((current) => (current ? withTargets(current, itemId, targetIds) : current));
    try {
      await discoveryApi.updateValueItem(org.slug, itemId, { targetIds });
    } catch (error) {
      notifyError(error);
    }
    await refresh();
  };

  return { saveProfile, saveValue, saveContext, remove, toggleLink, refresh };
}

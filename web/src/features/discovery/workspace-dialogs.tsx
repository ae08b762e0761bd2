import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { EvidenceDrawer } from './evidence-drawer';
import { ProfileFormModal, type ProfileFormTarget } from './profile-form-modal';
import type { useWorkspaceActions } from './use-workspace-actions';
import { type ValueFormTarget, ValueItemFormModal } from './value-item-form-modal';
import { type EvidenceSubjectTarget, isProfileKind, useWorkspace, type WorkspaceTarget } from './workspace-context';

export type WorkspaceDialogState =
  | { type: 'form'; target: WorkspaceTarget }
  | { type: 'evidence'; subject: EvidenceSubjectTarget }
  | { type: 'delete'; target: WorkspaceTarget }
  | null;

interface WorkspaceDialogsProps {
  state: WorkspaceDialogState;
  onClose: () => void;
  actions: ReturnType<typeof useWorkspaceActions>;
}

/** The one dialog of the workspace open at a time: an item's form, its evidence, or a delete confirmation. */
export function WorkspaceDialogs({ state, onClose, actions }: WorkspaceDialogsProps) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const form = state?.type === 'form' ? state.target : null;
  const profileTarget = form && isProfileKind(form.kind) ? (form as ProfileFormTarget) : null;
  const valueTarget = form && !isProfileKind(form.kind) ? (form as ValueFormTarget) : null;
  const toDelete = state?.type === 'delete' ? state.target : null;
  const deleteName = toDelete?.item ? ('text' in toDelete.item ? toDelete.item.text : toDelete.item.name) : '';

  return (
    <>
      <ProfileFormModal
        target={profileTarget}
        onClose={onClose}
        onSubmit={(kind, input) => actions.saveProfile(kind, input, profileTarget?.item?.id)}
      />
      <ValueItemFormModal
        target={valueTarget}
        workspace={ws.data}
        onClose={onClose}
        onSubmit={(input) => actions.saveValue(input, valueTarget?.item?.id)}
      />
      <EvidenceDrawer
        subject={state?.type === 'evidence' ? state.subject : null}
        canWrite={ws.canWrite}
        onClose={onClose}
        onChanged={() => void actions.refresh()}
      />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={onClose}
        title={t('workspace.deleteTitle')}
        message={
          toDelete
            ? isProfileKind(toDelete.kind)
              ? t(`workspace.deleteConfirm.${toDelete.kind}`, { name: deleteName })
              : t('workspace.deleteValueConfirm', { name: deleteName })
            : ''
        }
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? actions.remove(toDelete) : Promise.resolve())}
      />
    </>
  );
}

import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import type { PromiseItem } from './promises.api';

interface PromiseActionsProps {
  promise: PromiseItem;
  /** promises:write: without it only a refresh is offered. */
  canWrite: boolean;
  onEdit: () => void;
  onPublish: () => void;
  isPublishing: boolean;
  onRetire: () => void;
  onNewVersion: () => void;
  onImport: () => void;
  onRefresh: () => void;
  isRefreshing: boolean;
}

/** What can be done with a promise at its stage: edit and publish a draft (an intention only once a team has it), retire or version a published one, import events. */
export function PromiseActions(props: PromiseActionsProps) {
  const { promise, canWrite, onEdit, onPublish, isPublishing, onRetire, onNewVersion, onImport, onRefresh, isRefreshing } = props;
  const { t } = useTranslation();
  const { can } = useOrg();
  return canWrite ? (
    <Group gap="xs">
      {promise.status === 'draft' ? (
        <>
          <Button variant="default" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          {/* An intention is published once a team takes it (the notice below gives it to one). */}
          {promise.isIntention ? null : (
            <Button onClick={onPublish} loading={isPublishing} data-testid="publish-button">
              {t('promises.publish')}
            </Button>
          )}
        </>
      ) : null}
      {promise.status === 'published' ? (
        <>
          <Button variant="subtle" color="red" onClick={onRetire}>
            {t('promises.retire.open')}
          </Button>
          <Button variant="default" onClick={onNewVersion}>
            {t('promises.newVersion')}
          </Button>
        </>
      ) : null}
      {can('events:write') && promise.status !== 'retired' ? (
        <Button variant="default" onClick={onImport}>
          {t('promises.import.open')}
        </Button>
      ) : null}
      <Button variant="subtle" onClick={onRefresh} loading={isRefreshing}>
        {t('promises.refresh')}
      </Button>
    </Group>
  ) : (
    <Button variant="subtle" onClick={onRefresh}>
      {t('promises.refresh')}
    </Button>
  );
}

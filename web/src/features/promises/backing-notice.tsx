import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import { type BackingList, isBacked, type MissingBacking, type PublishRefusal } from './promise-backing';
import type { BackingWaiver } from './promises.api';

/** The missing capabilities and rights as a list: "Right: Менять график работ". */
export function MissingList({ missing }: { missing: MissingBacking }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} data-testid="missing-list">
      {missing.capabilities.map((item) => (
        <List.Item key={`c-${item.id}`} data-testid="missing-item" data-kind="capability">
          {t('promises.backing.missingCapability', { name: item.name || t('promises.backing.unknownCapability') })}
        </List.Item>
      ))}
      {missing.rights.map((item) => (
        <List.Item key={`r-${item.id}`} data-testid="missing-item" data-kind="right">
          {t('promises.backing.missingRight', { name: item.name || t('promises.backing.unknownRight') })}
        </List.Item>
      ))}
    </List>
  );
}

/** The lists a client promise leaves empty: "No capability declared". */
function UndeclaredList({ lists }: { lists: readonly BackingList[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} data-testid="undeclared-list">
      {lists.map((list) => (
        <List.Item key={list} data-testid="undeclared-item" data-list={list}>
          {t(list === 'capabilities' ? 'promises.backing.undeclaredCapabilities' : 'promises.backing.undeclaredRights')}
        </List.Item>
      ))}
    </List>
  );
}

/** Where a team's rights and capabilities are granted and recorded. */
function TeamLinks({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/o/${org.slug}/teams/${teamId}?tab=rights`}>
        {t('promises.backing.toRights')}
      </Anchor>
      {' · '}
      <Anchor component={Link} to={`/o/${org.slug}/teams/${teamId}?tab=capabilities`}>
        {t('promises.backing.toCapabilities')}
      </Anchor>
    </Text>
  );
}

interface BackingPreviewProps {
  missing: MissingBacking | null;
  /** The lists a client promise leaves empty: it cannot be published until it declares them. */
  undeclared: readonly BackingList[];
  teamName: string;
  hasRequirements: boolean;
}

/**
 * In the form, before saving: whether the chosen team could publish the promise now, and what it
 * lacks — including, for a promise to clients, a capability or a decision right it does not declare.
 */
export function BackingPreview({ missing, undeclared, teamName, hasRequirements }: BackingPreviewProps) {
  const { t } = useTranslation();
  if (!missing) return null;
  if (undeclared.length > 0) {
    return (
      <Alert
        color="yellow"
        variant="light"
        title={t('promises.backing.previewUndeclaredTitle')}
        data-testid="backing-preview"
        data-backed="false"
      >
        <Stack gap={6}>
          <UndeclaredList lists={undeclared} />
          {isBacked(missing) ? null : (
            <>
              <Text size="sm">{t('promises.backing.previewMissing', { team: teamName })}</Text>
              <MissingList missing={missing} />
            </>
          )}
          <Text size="sm">{t('promises.backing.previewUndeclared', { team: teamName })}</Text>
        </Stack>
      </Alert>
    );
  }
  if (isBacked(missing)) {
    return (
      <Alert color="teal" variant="light" data-testid="backing-preview" data-backed="true">
        <Text size="sm">
          {hasRequirements ? t('promises.backing.previewBacked', { team: teamName }) : t('promises.backing.previewNothing')}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('promises.backing.previewMissing', { team: teamName })}
      data-testid="backing-preview"
      data-backed="false"
    >
      <Stack gap={6}>
        <MissingList missing={missing} />
        <Text size="sm">{t('promises.backing.previewMissingHint')}</Text>
      </Stack>
    </Alert>
  );
}

interface BackingRefusalProps {
  refusal: PublishRefusal;
  teamId: string;
  teamName: string;
  /** An admin may publish anyway, waiving the backing with a reason; only then is this given. */
  onWaive?: () => void;
  /** The person is an admin: say what a waiver does not cover when it cannot help. */
  isAdmin?: boolean;
}

/**
 * The answer to "Publish" when the team lacks something, or a client promise declares no capability
 * or no decision right: what, and that the promise stays an intention until then. An admin may
 * waive the declarations (not what is declared but not held).
 */
export function BackingRefusal({ refusal, teamId, teamName, onWaive, isAdmin = false }: BackingRefusalProps) {
  const { t } = useTranslation();
  const lacks = !isBacked(refusal);
  const isUndeclared = refusal.undeclared.length > 0;
  return (
    <Alert
      color="red"
      variant="light"
      title={
        lacks ? t('promises.backing.refusedTitle', { team: teamName }) : t('promises.backing.refusedUndeclaredTitle', { team: teamName })
      }
      data-testid="publish-refusal"
      data-undeclared={refusal.undeclared.join(' ')}
      role="alert"
    >
      <Stack gap={6}>
        {lacks ? <MissingList missing={refusal} /> : null}
        {lacks ? <Text size="sm">{t('promises.backing.refusedHint')}</Text> : null}
        {isUndeclared ? (
          <>
            <Text size="sm">{t('promises.backing.undeclaredRule')}</Text>
            <UndeclaredList lists={refusal.undeclared} />
            <Text size="sm">{t('promises.backing.undeclaredHint')}</Text>
          </>
        ) : null}
        <TeamLinks teamId={teamId} />
        {isUndeclared && onWaive ? (
          <>
            <Text size="sm">{t('promises.backing.waiveHint')}</Text>
            <div>
              <Button variant="default" size="sm" onClick={onWaive} data-testid="waive-backing-button">
                {t('promises.backing.waiveOpen')}
              </Button>
            </div>
          </>
        ) : isUndeclared && lacks && isAdmin ? (
          <Text size="sm" c="dimmed">
            {t('promises.backing.waiveNotCovering')}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A promise to clients an admin published without its declared backing: why, by whom, when. */
export function BackingWaivedNotice({ waiver, at }: { waiver: BackingWaiver; at: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('promises.backing.waivedTitle')} data-testid="backing-waived-notice">
      <Stack gap={6}>
        <Text size="sm">{t('promises.backing.waivedText')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="backing-waiver-reason">
          <Text span size="sm" fw={600}>
            {t('promises.backing.waivedReason')}:
          </Text>{' '}
          {waiver.reason}
        </Text>
        <Text size="sm" c="dimmed" data-testid="backing-waiver-by">
          {t('promises.backing.waivedBy', { by: waiver.by || '—', date: at })}
        </Text>
      </Stack>
    </Alert>
  );
}

/** A published promise that lost something it needs: since when, and what. */
export function UnbackedNotice({ missing, since, teamId }: { missing: MissingBacking; since: string; teamId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('promises.backing.unbackedTitle', { since })} data-testid="unbacked-notice" role="alert">
      <Stack gap={6}>
        <Text size="sm">{t('promises.backing.unbackedText')}</Text>
        <MissingList missing={missing} />
        <TeamLinks teamId={teamId} />
      </Stack>
    </Alert>
  );
}

import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import { isBacked, type MissingBacking } from './promise-backing';

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
  teamName: string;
  hasRequirements: boolean;
}

/** In the form, before saving: whether the chosen team could publish the promise now, and what it lacks. */
export function BackingPreview({ missing, teamName, hasRequirements }: BackingPreviewProps) {
  const { t } = useTranslation();
  if (!missing) return null;
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

/** The answer to "Publish" when the team lacks something: what, and that the promise stays an intention until it holds it. */
export function BackingRefusal({ missing, teamId, teamName }: { missing: MissingBacking; teamId: string; teamName: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('promises.backing.refusedTitle', { team: teamName })}
      data-testid="publish-refusal"
      role="alert"
    >
      <Stack gap={6}>
        <MissingList missing={missing} />
        <Text size="sm">{t('promises.backing.refusedHint')}</Text>
        <TeamLinks teamId={teamId} />
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

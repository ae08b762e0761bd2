import { Anchor, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import type { TeamDetail } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { useGovernanceFormat } from './format';
import { type Delegation, type Grant, governanceApi, type Limits, type NewGrant } from './governance.api';
import { GrantCard } from './grant-card';
import { GrantFormModal } from './grant-form-modal';
import { GrantHistoryDrawer } from './grant-history-drawer';
import { NarrowGrantModal } from './narrow-grant-modal';
import { RevokeGrantModal } from './revoke-grant-modal';
import { chainLabels, childrenOf, grantState, originChain, roleOf, type TeamRef } from './rights-model';
import { TeamOverrides } from './team-overrides';
import { useTeamAuthority } from './use-team-authority';

/** Everything the rights tab reads: all grants (to walk chains), this team's roles, the teams by name. */
async function loadRights(org: string, teamId: string) {
  const [tree, roles, teams] = await Promise.all([
    governanceApi.tree(org),
    governanceApi.roles(org, teamId).then((page) => page.items),
    loadAllPages((cursor) => teamsApi.list(org, cursor)),
  ]);
  return { tree, roles, teams: teams.map((team): TeamRef => ({ id: team.id, name: team.name, kind: team.kind })) };
}

/** Active grants below this one, however deep: a revocation takes them too. */
function activeDescendants(grant: Grant, grants: readonly Grant[]): number {
  return childrenOf(grant, grants).reduce((sum, child) => sum + (child.active ? 1 : 0) + activeDescendants(child, grants), 0);
}

/** The rights the team and its roles hold, where each came from, and what may be done with them. */
export function TeamRightsPanel({ team }: { team: TeamDetail }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const money = useGovernanceFormat();
  const authority = useTeamAuthority(team);
  const data = useResource(() => loadRights(org.slug, team.id), `${org.slug}|${team.id}`);
  const [showRevoked, setShowRevoked] = useState(true);
  const [isGranting, setGranting] = useState(false);
  const [delegating, setDelegating] = useState<Grant | null>(null);
  const [narrowing, setNarrowing] = useState<Grant | null>(null);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [history, setHistory] = useState<Grant | null>(null);

  if (data.isLoading && !data.data) return <LoadingState />;
  if (data.error || !data.data) return <ErrorState error={data.error} onRetry={data.reload} />;
  const { tree, roles, teams } = data.data;

  const all = tree.rights.flatMap((entry) => entry.grants);
  const byId = new Map(all.map((grant) => [grant.id, grant] as const));
  const roleIds = new Set(roles.map((role) => role.id));
  const isOurs = (grant: Pick<Grant, 'holderType' | 'holderId'>) =>
    grant.holderType === 'team' ? grant.holderId === team.id : roleIds.has(grant.holderId);
  const held = all
    .filter(isOurs)
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.rightName.localeCompare(b.rightName) ||
        Number(a.holderType === 'role') - Number(b.holderType === 'role'),
    );
  const shown = showRevoked ? held : held.filter((grant) => grant.active);
  const names = { organization: org.name, council: t('governance.flow.council') };
  const labelOf = (grant: Grant) =>
    grant.holderType === 'team'
      ? grant.holderId === team.id
        ? t('governance.grants.heldByTeam')
        : grant.holderName
      : grant.holderName.startsWith(`${team.name} / `)
        ? t('governance.grants.heldByRole', { role: roleOf(grant).roleName })
        : grant.holderName;

  /** A holder named briefly: a role of this team by its own name. */
  const shortNameOf = (grant: Grant) =>
    grant.holderType === 'role' && roleIds.has(grant.holderId) ? roleOf(grant).roleName : grant.holderName;

  /** Narrowing and revoking belong to whoever granted it: an admin or the council, or the team above. */
  const mayChange = (grant: Grant) => {
    if (!authority.canActForTeam) return false;
    if (authority.isOrgLevel) return true;
    const parent = grant.parentGrantId ? byId.get(grant.parentGrantId) : undefined;
    return parent !== undefined && isOurs(parent);
  };

  const grant = async (input: NewGrant) => {
    const created = await governanceApi.grant(org.slug, input);
    notifySuccess(t('governance.grants.granted', { right: created.rightName, holder: created.holderName }));
    await data.reload();
  };
  const delegate = async (input: Delegation) => {
    if (!delegating) return;
    const created = await governanceApi.delegate(org.slug, delegating.id, input);
    notifySuccess(t('governance.grants.delegated', { right: created.rightName, holder: created.holderName }));
    await data.reload();
  };
  const narrow = async (target: Grant, limits: Limits, reason: string) => {
    const updated = await governanceApi.narrow(org.slug, target.id, limits, reason);
    notifySuccess(t('governance.grants.narrowed', { right: updated.rightName, cap: money.cap(updated.limits) }));
    await data.reload();
  };
  const revoke = async (target: Grant, reason: string) => {
    const { revoked } = await governanceApi.revoke(org.slug, target.id, reason);
    notifySuccess(t('governance.grants.revoked', { right: target.rightName, count: revoked.length }));
    await data.reload();
  };

  // Delegated authority holds (issue 17): a team holding a right in force is changed from above only with a reason.
  const isAutonomous = all.some((grant) => isOurs(grant) && grantState(grant) === 'active');
  return (
    <Stack gap="md">
      <TeamOverrides teamId={team.id} isAutonomous={isAutonomous} isFromAbove={authority.isOrgLevel && !authority.isMember} />
      <Paper withBorder radius="md" p="md" data-testid="team-rights">
        <Group justify="space-between" mb="sm" gap="sm" align="flex-start">
          <div style={{ flex: '1 1 320px' }}>
            <Title order={4}>{t('governance.grants.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('governance.grants.description')}{' '}
              <Anchor component={Link} to={`/o/${org.slug}/rights`} size="sm">
                {t('governance.grants.openFlow')}
              </Anchor>
            </Text>
          </div>
          <Group gap="md">
            <Switch
              label={t('governance.flow.showRevoked')}
              checked={showRevoked}
              onChange={(e) => setShowRevoked(e.currentTarget.checked)}
            />
            {authority.canGrant ? (
              <Button leftSection={<PlusIcon size={16} />} variant="light" onClick={() => setGranting(true)}>
                {t('governance.grants.grant')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {held.length === 0 ? t('governance.grants.empty') : t('governance.grants.noActive')}
          </Text>
        ) : (
          <Stack gap="sm">
            {shown.map((item) => {
              const state = grantState(item);
              const canChange = mayChange(item);
              return (
                <GrantCard
                  key={item.id}
                  grant={item}
                  holderLabel={labelOf(item)}
                  origin={chainLabels(originChain(item, byId), names)}
                  passedOn={childrenOf(item, all).map((child) => ({ grant: child, label: shortNameOf(child) }))}
                  actions={{
                    onHistory: () => setHistory(item),
                    onDelegate: state === 'active' && authority.canActForTeam ? () => setDelegating(item) : undefined,
                    onNarrow: state === 'active' && canChange ? () => setNarrowing(item) : undefined,
                    onRevoke: state === 'active' && canChange ? () => setRevoking(item) : undefined,
                  }}
                />
              );
            })}
          </Stack>
        )}
        <GrantFormModal
          mode="grant"
          opened={isGranting}
          onClose={() => setGranting(false)}
          team={{ id: team.id, name: team.name }}
          rights={tree.rights.map((entry) => entry.right)}
          onSubmit={grant}
        />
        {delegating ? (
          <GrantFormModal
            mode="delegate"
            opened
            onClose={() => setDelegating(null)}
            team={{ id: team.id, name: team.name }}
            parent={delegating}
            teams={teams}
            onSubmit={delegate}
          />
        ) : null}
        <NarrowGrantModal grant={narrowing} onClose={() => setNarrowing(null)} onSubmit={narrow} />
        <RevokeGrantModal
          grant={revoking}
          cascade={revoking ? activeDescendants(revoking, all) : 0}
          onClose={() => setRevoking(null)}
          onSubmit={revoke}
        />
        <GrantHistoryDrawer grant={history} onClose={() => setHistory(null)} />
      </Paper>
    </Stack>
  );
}

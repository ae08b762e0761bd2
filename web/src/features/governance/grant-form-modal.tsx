import { Alert, Button, Group, Modal, Radio, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { useMutation } from '../../shared/use-mutation-form';
import { useGovernanceFormat } from './format';
import type { Delegation, Grant, Limits, NewGrant, Right } from './governance.api';
import { useGrantFormErrors } from './grant-errors';
import { HolderPicker, type HolderValues, holderIdOf } from './holder-picker';
import { isCapMissing, LimitsFields, type LimitsValues, limitsOf, valuesOf } from './limits-fields';
import type { TeamRef } from './rights-model';

const FIELDS = ['rightId', 'holderType', 'holderId', 'limits.spendingCap', 'limits.scope', 'reason'];

type GrantFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The team whose page this is: a new grant goes to it or one of its roles; a delegation starts there. */
  team: TeamRef;
} & (
  | {
      mode: 'grant';
      rights: readonly Right[];
      onSubmit: (input: NewGrant) => Promise<unknown>;
    }
  | {
      mode: 'delegate';
      /** The grant passed on: the new one can be no wider than it. */
      parent: Grant;
      teams: readonly TeamRef[];
      onSubmit: (input: Delegation) => Promise<unknown>;
    }
);

/**
 * Grants a right to this team or one of its roles (admin, council), or passes a grant the team holds
 * on to a role or another team, never wider than the grant itself: the server's refusal is shown on
 * the cap field with the cap it may not exceed.
 */
export function GrantFormModal(props: GrantFormModalProps) {
  const { opened, onClose, team } = props;
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const parent = props.mode === 'delegate' ? props.parent : null;
  const [rightId, setRightId] = useState<string | null>(null);
  // A new grant usually goes to the team itself; a delegation usually to one of its roles.
  const firstHolder = (): HolderValues => ({ holderType: props.mode === 'grant' ? 'team' : 'role', teamId: team.id, roleId: null });
  const [holder, setHolder] = useState<HolderValues>(firstHolder);
  const [limits, setLimits] = useState<LimitsValues>(valuesOf(null, format.currency));
  const [reason, setReason] = useState('');
  const { org } = useOrg();
  // An admin grants as the organization or on behalf of the council; a council member always as the council.
  const canChooseGranter = props.mode === 'grant' && org.role === 'admin';
  const [grantAs, setGrantAs] = useState<'organization' | 'council'>('organization');
  const [capMissing, setCapMissing] = useState(false);
  const widest = parent?.limits.spendingCap ?? null;
  const form = useMutation(useGrantFormErrors(FIELDS, format.money));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts afresh each time it opens
  useEffect(() => {
    if (!opened) return;
    setRightId(null);
    setHolder(firstHolder());
    setLimits(valuesOf(parent ? parent.limits : null, format.currency));
    setReason('');
    setGrantAs('organization');
    setCapMissing(false);
    form.clear();
  }, [opened, parent?.id, team.id]);

  const holderId = holderIdOf(holder);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!holderId) return;
    if (isCapMissing(limits)) return setCapMissing(true);
    void form.run(async () => {
      const chosen: Limits = limitsOf(limits, format.currency);
      const common = { holderType: holder.holderType, holderId, limits: chosen, reason: reason.trim() };
      if (props.mode === 'grant') {
        if (!rightId) return;
        await props.onSubmit({ ...common, rightId, ...(canChooseGranter && { onBehalfOf: grantAs }) });
      } else {
        await props.onSubmit(common);
      }
      onClose();
    });
  };

  const title =
    props.mode === 'grant'
      ? t('governance.grants.grantTitle', { team: team.name })
      : t('governance.grants.delegateTitle', { right: props.parent.rightName });
  const isComplete = holderId !== null && (props.mode === 'delegate' || rightId !== null);

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.mode === 'grant' ? (
            <Select
              label={t('governance.grants.right')}
              placeholder={props.rights.length ? t('governance.grants.chooseRight') : t('governance.grants.noRightsDefined')}
              data={props.rights.map((right) => ({ value: right.id, label: right.name }))}
              value={rightId}
              onChange={(value) => {
                setRightId(value);
                form.clear('rightId');
              }}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              error={form.errorOf('rightId')}
              data-autofocus
            />
          ) : (
            <Alert color="blue" variant="light" p="sm">
              {t('governance.grants.delegateHint', { holder: props.parent.holderName, cap: format.cap(props.parent.limits) })}
            </Alert>
          )}
          <HolderPicker
            values={holder}
            onChange={setHolder}
            teams={props.mode === 'grant' ? [team] : props.teams}
            errors={form}
            excludeKey={parent ? `${parent.holderType}:${parent.holderId}` : undefined}
          />
          {canChooseGranter ? (
            <Radio.Group
              label={t('governance.grants.grantAs')}
              description={grantAs === 'council' ? t('governance.grants.grantAsHint') : undefined}
              value={grantAs}
              onChange={(value) => setGrantAs(value as 'organization' | 'council')}
            >
              <Group mt={6}>
                <Radio value="organization" label={t('governance.grants.grantAsOrganization')} />
                <Radio value="council" label={t('governance.grants.grantAsCouncil')} />
              </Group>
            </Radio.Group>
          ) : null}
          <LimitsFields
            values={limits}
            onChange={(values) => {
              setLimits(values);
              setCapMissing(false);
            }}
            errors={form}
            widest={widest}
          />
          {capMissing ? (
            <Alert color="red" variant="light" p="sm" data-testid="cap-missing">
              {t('governance.grants.capRequired')}
            </Alert>
          ) : null}
          <Textarea
            label={t('governance.grants.reason')}
            description={t('governance.grants.reasonHint')}
            autosize
            minRows={2}
            maxRows={5}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              form.clear('reason');
            }}
            error={form.errorOf('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy} disabled={!isComplete}>
              {props.mode === 'grant' ? t('governance.grants.grant') : t('governance.grants.delegate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AgreementStatus, type Decision, type DecisionStatus, isWithdrawn, type ReviewOutcome } from './decisions.api';

const AGREEMENT_COLORS: Record<AgreementStatus, string> = { active: 'teal', under_review: 'yellow', retired: 'gray' };
const DECISION_COLORS: Record<DecisionStatus, string> = { seeking_advice: 'orange', ready: 'blue', decided: 'teal', retired: 'gray' };
const OUTCOME_COLORS: Record<ReviewOutcome, string> = { keep: 'teal', amend: 'blue', retire: 'gray' };

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={AGREEMENT_COLORS[status]} data-testid="agreement-status" data-status={status}>
      {t(`agreements.status.${status}`)}
    </Badge>
  );
}

/** A decision's status; one retired without having been taken reads "Withdrawn". */
export function DecisionStatusBadge({ decision }: { decision: Pick<Decision, 'status' | 'decidedAt'> }) {
  const { t } = useTranslation();
  const { status } = decision;
  const withdrawn = isWithdrawn(decision);
  return (
    <Badge
      variant="light"
      color={DECISION_COLORS[status]}
      data-testid="decision-status"
      data-status={status}
      data-withdrawn={withdrawn || undefined}
    >
      {withdrawn ? t('decisions.withdrawn') : t(`decisions.status.${status}`)}
    </Badge>
  );
}

/** Red: the review date has come (in the organization's time zone). */
export function DueBadge({ isDue }: { isDue: boolean }) {
  const { t } = useTranslation();
  if (!isDue) return null;
  return (
    <Badge color="red" variant="filled" data-testid="due-badge">
      {t('reviews.dueBadge')}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: ReviewOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={OUTCOME_COLORS[outcome]} size="sm">
      {t(`reviews.outcomeResults.${outcome}`)}
    </Badge>
  );
}

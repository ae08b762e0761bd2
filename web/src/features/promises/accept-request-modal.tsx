import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { NEW_TERMS, type TermsDraft, termsOf } from './promise-draft';
import { isAlreadyAnswered, localizePromiseError } from './promise-errors';
import type { AcceptInput, PromiseRequest } from './promises.api';
import { TERMS_FIELDS, TermsFields } from './terms-fields';

interface AcceptRequestModalProps {
  /** The request being accepted; none: closed. */
  request: PromiseRequest | null;
  onClose: () => void;
  onSubmit: (request: PromiseRequest, input: AcceptInput) => Promise<unknown>;
  /** Someone answered it meanwhile: the caller reloads the list. */
  onAlreadyAnswered: () => void;
}

/**
 * The asked team accepts by promising: the terms of an internal draft promise to the asking team,
 * starting from the request's words (the team may say it in its own).
 */
export function AcceptRequestModal({ request, onClose, onSubmit, onAlreadyAnswered }: AcceptRequestModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  // Kept while the modal closes, so that its content does not vanish under the closing animation.
  const [shown, setShown] = useState<PromiseRequest | null>(request);
  if (request && request !== shown) setShown(request);
  const [terms, setTerms] = useState<TermsDraft>(NEW_TERMS);
  const form = useMutationForm(TERMS_FIELDS, { mapError: localizePromiseError });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again from each request it opens for
  useEffect(() => {
    if (!request) return;
    form.clear();
    setTerms({ ...NEW_TERMS, statement: request.statement });
  }, [request?.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!request) return;
    const checked = termsOf(terms, org.currency);
    if (checked.errors) {
      form.handle(
        new ApiError(
          422,
          'validation_failed',
          '',
          Object.entries(checked.errors).map(([path, key]) => ({ path, message: i18n.t(key) })),
        ),
      );
      return;
    }
    void form.run(
      async () => {
        await onSubmit(request, checked.terms);
        onClose();
      },
      {
        onError: (error) => {
          if (!isAlreadyAnswered(error)) return error;
          onAlreadyAnswered();
          onClose();
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={request !== null} onClose={onClose} title={t('promises.requests.acceptForm.title')} size="xl" data-testid="accept-form">
      {shown ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('promises.requests.acceptForm.intro', { from: shown.fromTeam.name, to: shown.toTeam.name })}
            </Text>
            <Alert color="blue" variant="light" title={`${t('promises.requests.acceptForm.asked')}: ${shown.title}`}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {t('promises.quoted', { text: shown.statement })}
              </Text>
            </Alert>
            <TermsFields
              draft={terms}
              onChange={(patch) => setTerms((current) => ({ ...current, ...patch }))}
              errorOf={form.errorOf}
              clear={form.clear}
              kind="internal"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {t('promises.requests.acceptForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

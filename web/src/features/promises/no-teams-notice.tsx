import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown in place of a form that acts for one of the user's teams when they belong to none. */
export function NoTeamsNotice({ hint, onClose, testId }: { hint: string; onClose: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid={testId}>
      <Alert color="gray" variant="light" title={t('promises.form.noTeamsTitle')}>
        <Text size="sm">{hint}</Text>
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

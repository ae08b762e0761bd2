import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An organization slug the person does not belong to (or that does not exist): the same answer for both. */
export function NoSuchOrganization({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={480}>
        <Stack>
          <Title order={1} size="h3">
            {t('notFound.orgTitle')}
          </Title>
          <Text c="dimmed">{t('notFound.orgText', { slug })}</Text>
          <Button component={Link} to="/" variant="light">
            {t('notFound.toStart')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

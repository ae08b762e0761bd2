import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DownloadIcon = ({ size = 16 }: { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);

/** The export URL of a table: its API path plus `format`, the app's language and any filters. */
export function downloadUrl(path: string, format: 'csv' | 'xlsx', lang: string, filters: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams({ format, lang: lang.startsWith('ru') ? 'ru' : 'en' });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return `${path}?${query}`;
}

/**
 * "Download" → CSV or Excel for a table of figures: plain links to the API's `…/export`, so the
 * browser saves the file under the name the server gives (Content-Disposition).
 */
export function DownloadMenu({
  path,
  table,
  filters,
  testId = 'download-menu',
}: {
  /** The API path of the export, e.g. `/api/v1/orgs/acme/promises/export`. */
  path: string;
  /** What is downloaded, for the accessible name: "Download promises". */
  table: string;
  filters?: Record<string, string | undefined>;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<DownloadIcon />} data-testid={testId} aria-label={t('download.label', { table })}>
          {t('download.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={downloadUrl(path, 'csv', i18n.language, filters)} download data-testid={`${testId}-csv`}>
          {t('download.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={downloadUrl(path, 'xlsx', i18n.language, filters)} download data-testid={`${testId}-xlsx`}>
          {t('download.xlsx')}
        </Menu.Item>
        <Menu.Divider />
        <Text size="xs" c="dimmed" px="sm" py={4} maw={240}>
          {t('download.hint')}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}

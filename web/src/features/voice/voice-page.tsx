import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { useTabParam } from '../economics/use-period';
import { FeedbackTab } from '../feedback/feedback-tab';
import { ParticipationRoundsTab } from '../participation/participation-rounds-tab';
import { ModerationTab } from '../proposals/moderation-tab';
import { ProposalsTab } from '../proposals/proposals-tab';
import { OutboxTab } from './outbox-tab';
import { VoiceSettingsTab } from './settings-tab';

const TABS = ['feedback', 'proposals', 'participation', 'moderation', 'outbox', 'settings'] as const;
/** Moderation, the outbox and the settings are the council's and the admins'. */
const STAFF_TABS = TABS.filter((tab) => tab === 'feedback' || tab === 'proposals' || tab === 'participation');

/** What clients say and decide: feedback, proposals, the participatory reserve, and how it is run. */
export function VoicePage() {
  const { t } = useTranslation();
  const { can } = useOrg();
  const tabs = can('voice:manage') ? TABS : STAFF_TABS;
  // `?tab=reserve`, the participation tab's name before the rename, still opens it.
  const [tab, setTab] = useTabParam(tabs, { reserve: 'participation' });
  return (
    <Stack gap="md" data-testid="voice-page">
      <PageHeader title={t('voice.title')} description={t('voice.description')} mb={0} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`voice.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="feedback" pt="md">
          <FeedbackTab />
        </Tabs.Panel>
        <Tabs.Panel value="proposals" pt="md">
          <ProposalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="participation" pt="md">
          <ParticipationRoundsTab />
        </Tabs.Panel>
        <Tabs.Panel value="moderation" pt="md">
          <ModerationTab />
        </Tabs.Panel>
        <Tabs.Panel value="outbox" pt="md">
          <OutboxTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <VoiceSettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

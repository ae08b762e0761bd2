import { useTranslation } from 'react-i18next';
import type { Gain, Need, Pain, ValueItem } from '../../shared/api/types';
import type { ProfileKind } from './discovery.api';
import type { ItemMenuAction } from './item-frame';
import { useWorkspace } from './workspace-context';

const noFocus = () => undefined;

/** The frame props of a need, pain or gain: highlight, dimming, linking and its menu. */
export function useProfileFrame(kind: ProfileKind, item: Need | Pain | Gain) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { linking } = ws;
  const isLinkable =
    linking !== null && ((linking.kind === 'reliever' && kind === 'pain') || (linking.kind === 'creator' && kind === 'gain'));
  const actions: ItemMenuAction[] = [{ label: t('evidence.manage'), onClick: () => ws.openEvidence({ kind, item }) }];
  const answer = ws.answerWithPromise;
  if (kind === 'pain' && answer) actions.unshift({ label: t('promises.answerPain'), onClick: () => answer(item as Pain) });
  if (ws.canWrite) {
    actions.push({ label: t('common.edit'), onClick: () => ws.openForm({ kind, item } as never) });
    actions.push({ label: t('common.delete'), color: 'red', onClick: () => ws.askDelete({ kind, item } as never) });
  }
  return {
    id: item.id,
    side: 'profile' as const,
    name: item.text,
    isHighlighted: linking === null && ws.highlighted.has(item.id),
    isDimmed: linking ? !isLinkable : ws.highlighted.size > 0 && !ws.highlighted.has(item.id),
    isLinked: isLinkable ? linking.targetIds.includes(item.id) : undefined,
    linkLabel: linking ? t('workspace.linkTo', { text: item.text, name: linking.name }) : undefined,
    onToggleLink: isLinkable ? () => ws.toggleLink(item.id) : undefined,
    onFocus: linking ? noFocus : ws.setFocus,
    actions,
  };
}

/** The frame props of a value-map item; while another item is being linked, it steps back. */
export function useValueFrame(item: ValueItem) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { linking } = ws;
  const actions: ItemMenuAction[] = [];
  if (ws.canWrite) {
    actions.push({ label: t('common.edit'), onClick: () => ws.openForm({ kind: item.kind, item }) });
    actions.push({ label: t('common.delete'), color: 'red', onClick: () => ws.askDelete({ kind: item.kind, item }) });
  }
  const isBeingLinked = linking?.id === item.id;
  return {
    id: item.id,
    side: 'value' as const,
    name: item.name,
    isHighlighted: isBeingLinked || (linking === null && ws.highlighted.has(item.id)),
    isDimmed: linking ? !isBeingLinked : ws.highlighted.size > 0 && !ws.highlighted.has(item.id),
    onFocus: linking ? noFocus : ws.setFocus,
    actions: linking ? [] : actions,
  };
}

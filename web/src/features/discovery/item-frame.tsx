import { ActionIcon, Checkbox, Group, Menu, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Focus } from './workspace-model';

export interface ItemMenuAction {
  label: string;
  onClick: () => void;
  color?: string;
}

interface ItemFrameProps {
  id: string;
  side: NonNullable<Focus>['side'];
  /** Its name, for the menu's and the checkbox's accessible labels. */
  name: string;
  isHighlighted: boolean;
  isDimmed: boolean;
  /** In linking mode: whether it is linked to the item being linked; undefined when it cannot be. */
  isLinked?: boolean;
  linkLabel?: string;
  onToggleLink?: () => void;
  onFocus: (focus: Focus) => void;
  actions: ItemMenuAction[];
  children: ReactNode;
  testId?: string;
  attributes?: Record<string, string | number>;
}

/** The card every workspace item sits in: highlight, dimming, the link checkbox and the ⋯ menu. */
export function ItemFrame(props: ItemFrameProps) {
  const { t } = useTranslation();
  const { id, side, name, isHighlighted, isDimmed, isLinked, onToggleLink, onFocus, actions } = props;
  const isLinkable = isLinked !== undefined && onToggleLink !== undefined;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid={props.testId}
      data-highlighted={isHighlighted || undefined}
      {...props.attributes}
      onMouseEnter={() => onFocus({ side, id })}
      onMouseLeave={() => onFocus(null)}
      onClick={isLinkable ? onToggleLink : undefined}
      style={{
        cursor: isLinkable ? 'pointer' : undefined,
        opacity: isDimmed ? 0.45 : 1,
        borderColor: isHighlighted || isLinked ? 'var(--mantine-color-blue-5)' : undefined,
        background: isLinked ? 'var(--mantine-color-blue-0)' : isHighlighted ? 'var(--mantine-color-blue-light)' : undefined,
        transition: 'opacity 120ms, background 120ms, border-color 120ms',
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="xs">
        {isLinkable ? (
          <Checkbox
            mt={2}
            checked={isLinked}
            onChange={onToggleLink}
            onClick={(event) => event.stopPropagation()}
            aria-label={props.linkLabel ?? name}
          />
        ) : null}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          {props.children}
        </Stack>
        {actions.length > 0 && !isLinkable ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('workspace.itemActions', { name })}>
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {actions.map((action) => (
                <Menu.Item key={action.label} color={action.color} onClick={action.onClick}>
                  {action.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
    </Paper>
  );
}

/** Staff-app strings of overrides of delegated authority (en); spread into en.ts. Same keys in en and ru. */
export const enOverrides = {
  overrides: {
    actions: {
      decision_taken: 'took a decision under its right',
      role_created: 'created a role',
      role_updated: 'changed a role',
      role_deleted: 'deleted a role',
      role_member_added: 'assigned a person to a role',
      role_member_removed: 'took a person off a role',
      capability_created: 'recorded a capability',
      capability_updated: 'changed a capability',
      capability_deleted: 'deleted a capability',
      agreement_created: 'recorded an agreement',
      agreement_updated: 'changed an agreement',
      team_member_added: 'added a member',
      team_member_removed: 'removed a member',
      split_rule_set: 'set the split rule',
    },
    teamNotice:
      'This team holds delegated authority. You are not in it: changing its roles, capabilities, agreements, members or split rule needs a reason, which is recorded and told to the team.',
    decideNotice:
      'The right “{{right}}” is delegated to {{team}}. You hold it only as an admin or the council: deciding from above needs a reason, which is recorded, told to the team and shown on the decision.',
    reasonLabel: 'Reason for overriding the team’s authority',
    required: 'Say why the organization acts here instead of the team',
    reasonDescription: 'Why the organization acts here instead of the team. Recorded, shown to the team and counted.',
    askTitle: 'The team holds delegated authority',
    askText: 'This team holds a delegated right, so this change from above needs a reason. Say why, then send it again.',
    send: 'Override and send',
    cancel: 'Cancel',
    title: 'Overrides of the team’s authority',
    description: 'When an admin or the council acted over this team from above, and why. Newest first.',
    empty: 'Nobody has overridden this team’s authority.',
    item: '{{by}} $t(overrides.actions.{{action}})',
    onDecision: 'Decided from above by {{by}}, {{date}}: “{{reason}}”',
    summary: 'Overrides of delegated authority this quarter ({{quarter}}): {{count}}',
    more: 'Show more',
  },
};

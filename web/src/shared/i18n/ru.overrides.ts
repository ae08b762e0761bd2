import type { enOverrides } from './en.overrides';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Staff-app strings of overrides of delegated authority (ru); spread into ru.ts. Same keys in en and ru. */
export const ruOverrides: Texts<typeof enOverrides> = {
  overrides: {
    actions: {
      decision_taken: 'принял(а) решение по её праву',
      role_created: 'создал(а) роль',
      role_updated: 'изменил(а) роль',
      role_deleted: 'удалил(а) роль',
      role_member_added: 'назначил(а) человека на роль',
      role_member_removed: 'снял(а) человека с роли',
      capability_created: 'записал(а) способность',
      capability_updated: 'изменил(а) способность',
      capability_deleted: 'удалил(а) способность',
      agreement_created: 'записал(а) договорённость',
      agreement_updated: 'изменил(а) договорённость',
      team_member_added: 'добавил(а) участника',
      team_member_removed: 'убрал(а) участника',
      split_rule_set: 'задал(а) правило раздела',
      agreement_reviewed: 'пересмотрел(а) договорённость',
      promise_created: 'дал(а) обещание от её имени',
      promise_updated: 'изменил(а) черновик обещания',
      promise_team_given: 'передал(а) ей обещание',
      promise_published: 'опубликовал(а) обещание от её имени',
      promise_version_created: 'создал(а) новую версию обещания',
      promise_took_over: 'передал(а) ей обещание',
      promise_retired: 'снял(а) обещание',
      promise_answer_accepted: 'принял(а) за неё обещание ответить',
      request_made: 'попросил(а) от её имени обещание у другой команды',
      request_declined: 'отклонил(а) адресованную ей просьбу об обещании',
    },
    teamNotice:
      'У этой команды есть делегированные полномочия. Вы в неё не входите: менять её роли, способности, договорённости, состав или правило раздела можно только с объяснением причины — она записывается и сообщается команде.',
    decideNotice:
      'Право «{{right}}» делегировано команде {{team}}. У вас оно есть только как у администратора или совета: решение сверху требует причины — она записывается, сообщается команде и видна в решении.',
    reasonLabel: 'Причина, по которой вы действуете вместо команды',
    required: 'Объясните, почему организация действует здесь вместо команды',
    reasonDescription: 'Почему организация действует здесь вместо команды. Записывается, показывается команде и учитывается.',
    askTitle: 'У команды делегированные полномочия',
    askText: 'Эта команда держит делегированное право, поэтому изменение сверху требует причины. Объясните её и отправьте снова.',
    send: 'Действовать сверху и отправить',
    cancel: 'Отмена',
    title: 'Вмешательства в полномочия команды',
    description: 'Когда администратор или совет действовали сверху вместо команды и почему. Сначала новые.',
    empty: 'В полномочия этой команды никто не вмешивался.',
    item: '{{by}} $t(overrides.actions.{{action}})',
    onDecision: 'Решено сверху: {{by}}, {{date}}: «{{reason}}»',
    summary: 'Вмешательств в делегированные полномочия за квартал ({{quarter}}): {{count}}',
    more: 'Показать ещё',
    openPromise: 'Открыть обещание',
    openDecision: 'Открыть решение',
    openRequests: 'Открыть просьбы об обещаниях',
  },
};

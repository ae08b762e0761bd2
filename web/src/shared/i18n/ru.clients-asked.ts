import type { enClientsAsked } from './en.clients-asked';

/** Staff-app strings of clients' influence on decisions (ru); spread into ru.ts. Same keys in en and ru. */
export const ruClientsAsked: typeof enClientsAsked = {
  clientsAsked: {
    title: 'Клиенты',
    touches: 'Каких сегментов клиентов касается',
    touchesHint:
      'Решение принимают, только когда каждый спрошен: опрос, завершённый с кворумом, или совет клиента — либо с опубликованной причиной.',
    adviceFrom: 'Спросить совета у сегментов',
    adviceFromHint: 'Их клиенты видят решение на портале и советуют, пока оно не принято (совета не ждут, как от сотрудников).',
    notAskedAlert: 'Клиенты ещё не спрошены: {{segments}}. Проведите опрос, спросите совета или объясните, почему их не спросили.',
    reason: 'Почему клиентов не спросили',
    reasonHint: 'Публикуется на портале клиентов рядом с решением.',
    touchesList: 'Касается: {{segments}}',
    askedList: 'Совета спросили у: {{segments}}',
    notAskedYet: 'Ещё не спрошены: {{segments}}',
    reasonPublished: 'Решено, не спросив клиентов, которых касается, потому что (опубликовано на портале):',
    adviceCount_one: '{{count}} совет клиента',
    adviceCount_few: '{{count}} совета клиентов',
    adviceCount_many: '{{count}} советов клиентов',
    adviceCount_other: '{{count}} совета клиентов',
    prefers: 'ближе «{{option}}»',
  },
  voiceBinding: {
    label: 'Опросы клиентов обязывают при решениях по этим правам',
    hint: 'Решение против победителя состоявшегося опроса по такому праву отклоняется (объяснения недостаточно).',
  },
};

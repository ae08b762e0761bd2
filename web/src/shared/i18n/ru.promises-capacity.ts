import type { enPromisesCapacity } from './en.promises-capacity';

/** Russian strings of a promise's demand against its team's capacity; `promises.capacity` in ru.promises.ts. */
export const ruPromisesCapacity: typeof enPromisesCapacity = {
  title: 'Спрос и объём',
  badge: 'Сверх объёма',
  badgeHint: 'Обещано больше, чем команда может сделать: нужная возможность загружена за неделю сверх своего объёма.',
  overTitle: 'Обещано больше, чем команда может сделать',
  overDraft: 'Публикацию не запретят, но команда не справится с таким спросом:',
  overPublished: 'От команды каждую неделю ждут больше, чем она может сделать:',
  publishedOverTitle: 'Опубликовано — обещано больше, чем команда может сделать',
  publishedOverText: 'Обещание опубликовано, но спрос на него выше объёма команды:',
  overLine: '{{name}}: {{demand}} {{unit}} в неделю при объёме {{capacity}} ({{utilisation}}%), сверх на {{overBy}}',
  together: '— обещаний вместе: {{count}}',
  ownDemand: 'Это обещание: {{demand}}.',
  demandMeasured: '{{perWeek}} в неделю, измерено (событий: {{events}} за недель: {{weeks}})',
  demandForecast: '{{perWeek}} в неделю, прогноз при составлении (событий меньше чем за 4 недели)',
  demandNone: 'спрос пока неизвестен (нет ни событий, ни прогноза)',
  capability: 'Возможность',
  capacity: 'Объём',
  demand: 'Спрос',
  utilisation: 'Загрузка',
  perWeek: '{{value}} {{unit}} в неделю',
  notStated: 'Недельный объём не указан',
  sharedBy: 'Нужна обещаниям: {{titles}}',
  hint: 'Спрос — события в неделю за последние 4 недели, а до того — прогноз, указанный при составлении. Обещания, которым нужна одна возможность, складываются против её объёма.',
  forecast: 'Ожидаемый спрос в неделю',
  forecastHint: 'Сколько событий в неделю вы ожидаете: сверяется с объёмом возможностей, пока не накопится 4 недели событий.',
};

/** Staff-app strings of client voice: voice (ru); spread into ru.ts. Same keys in en and ru. */
export const ruVoice = {
  voice: {
    nav: 'Голос клиентов',
    title: 'Голос клиентов',
    description: 'Что клиенты говорят, предлагают и решают: отзывы, предложения с обязательным ответом, распределение резерва.',
    tabs: {
      feedback: 'Отзывы',
      proposals: 'Предложения',
      reserve: 'Распределение резерва',
      moderation: 'Модерация',
      outbox: 'Исходящие письма',
      settings: 'Настройки',
    },
  },
} as const;

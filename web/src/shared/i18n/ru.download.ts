import type { enDownload } from './en.download';

/** Строки меню «Скачать» у таблиц с цифрами (ru); входят в ru.ts. */
export const ruDownload: typeof enDownload = {
  download: {
    button: 'Скачать',
    label: 'Скачать: {{table}}',
    csv: 'CSV (через точку с запятой)',
    xlsx: 'Excel (.xlsx)',
    hint: 'На русском, с десятичной запятой',
    tables: { feedback: 'показатели отзывов', proposals: 'предложения', poll: 'итоги опроса' },
  },
};

import type { TCreateEvidence } from './discovery.schema.js';

/** Demo content for steps 1–3 (M2, M3). Pains and gains are referred to by a short key. */
export interface DemoSegment {
  name: string;
  kind: 'customer' | 'citizen' | 'partner';
  description: string;
  sizeEstimate: number | null;
  needs: { jobKind: 'functional' | 'social' | 'emotional'; text: string; importance: number }[];
  pains: {
    key: string;
    text: string;
    severity: number;
    frequency: number;
    where?: string;
    when?: string;
    who?: string;
    channel?: string;
    evidence?: Omit<TCreateEvidence, 'subjectType' | 'subjectId'>[];
  }[];
  gains: { key: string; text: string; relevance: number }[];
  /** The context of step 2; a part left out stays empty (the readiness then shows it missing). */
  context?: {
    situation: string;
    regulations: string;
    market: string;
    channels: string;
    evidence?: Omit<TCreateEvidence, 'subjectType' | 'subjectId'>[];
  };
  products: string[];
  relievers: { name: string; answers: string[] }[];
  creators: { name: string; answers: string[] }[];
  canvas?: {
    name: string;
    competitors: string[];
    factors: { name: string; current: number; target: number; competitors: number[] }[];
  };
}

export const DEMO_DISCOVERY: Record<string, DemoSegment[]> = {
  stroydom: [
    {
      name: 'Семьи, строящие первый дом',
      kind: 'customer',
      description: 'Семьи 30–45 лет с участком или ипотекой, строят впервые и боятся ошибиться с бюджетом и сроками.',
      sizeEstimate: 1200,
      context: {
        situation:
          'Строят впервые: участок куплен или взята ипотека, бюджет собран «впритык», параллельно снимают жильё и платят два платежа — аренду и кредит. Каждый месяц задержки стоит им денег.',
        regulations:
          'Договор подряда (гл. 37 ГК РФ), смета — часть договора; ипотека на строительство дома — через эскроу-счёт, банки требуют аккредитованного подрядчика. Уведомление о начале строительства ИЖС — в администрацию.',
        market:
          'Сравнивают нас с небольшими стройфирмами (дешевле на старте, доплаты потом) и с самостроем с наёмной бригадой. Средняя цена каркасного дома 120 м² в области — 5,5–7 млн ₽.',
        channels: 'Сайт и заявки с Авито, выставка домов в Истре, рекомендации соседей; во время стройки — телефон прораба и мессенджер.',
        evidence: [
          {
            kind: 'document',
            text: 'Требования трёх банков к подрядчику по ипотеке на ИЖС: аккредитация, смета в договоре, эскроу',
            source: 'памятки Сбербанка, ВТБ, Дом.РФ',
            date: '2026-09-30',
          },
        ],
      },
      needs: [
        { jobKind: 'functional', text: 'Построить тёплый дом под свой бюджет и к понятному сроку', importance: 5 },
        { jobKind: 'functional', text: 'Понимать, что происходит на стройке, не приезжая на участок', importance: 4 },
        { jobKind: 'emotional', text: 'Не бояться, что деньги уйдут, а дом так и не появится', importance: 5 },
        { jobKind: 'social', text: 'Показать родным надёжный дом, за который не стыдно', importance: 3 },
      ],
      pains: [
        {
          key: 'estimate',
          text: 'Смета растёт после подписания договора',
          severity: 5,
          frequency: 4,
          where: 'офис продаж, этап коробки',
          when: 'через 1–2 месяца после договора',
          who: 'семья, прораб',
          channel: 'телефон',
          evidence: [
            {
              kind: 'interview',
              text: 'Лебедевы: «нам насчитали ещё 400 тысяч за фундамент, хотя смета была подписана»',
              source: 'интервью, Истра',
              date: '2026-09-12',
            },
            {
              kind: 'metric',
              text: '7 из 19 договоров 2025 года получили допсоглашение на увеличение сметы',
              source: 'учёт договоров',
              date: '2026-10-01',
            },
          ],
        },
        {
          key: 'silence',
          text: 'Неделями нет новостей со стройки',
          severity: 4,
          frequency: 4,
          where: 'участок клиента',
          when: 'этап коробки и кровли',
          who: 'бригада',
          channel: 'мессенджер',
          evidence: [{ kind: 'feedback', text: '«Узнаю о ходе работ от соседа по участку»', source: 'отзыв на сайте', date: '2026-08-20' }],
        },
        {
          key: 'changes',
          text: 'Непонятно, что можно менять в доме без риска',
          severity: 4,
          frequency: 3,
          where: 'готовый дом',
          when: 'первый год жизни в доме',
          who: 'владелец',
          channel: 'звонок в офис',
        },
        {
          key: 'deadline',
          text: 'Срок сдачи сдвигается без объяснений',
          severity: 5,
          frequency: 2,
          where: 'стройка',
          when: 'перед сдачей',
          who: 'прораб',
          channel: 'телефон',
        },
      ],
      gains: [
        { key: 'fixed', text: 'Твёрдая цена до конца стройки', relevance: 5 },
        { key: 'photo', text: 'Фотоотчёт каждую неделю', relevance: 4 },
        { key: 'move', text: 'Заехать до зимы', relevance: 3 },
      ],
      products: ['Каркасный дом «Семейный» 120 м² под ключ', 'Проект под участок и бюджет'],
      relievers: [
        { name: 'Фиксированная смета с резервом 5% внутри договора', answers: ['estimate'] },
        { name: 'Еженедельный фотоотчёт и созвон с бригадиром', answers: ['silence'] },
        { name: 'Паспорт технических возможностей дома', answers: ['changes'] },
      ],
      creators: [
        { name: 'Личный кабинет стройки с фото и графиком', answers: ['photo'] },
        { name: 'Гарантия цены в договоре', answers: ['fixed'] },
      ],
      canvas: {
        name: 'СтройДом против альтернатив',
        competitors: ['Обычная стройфирма', 'Самострой'],
        factors: [
          { name: 'Цена', current: 6, target: 6, competitors: [5, 3] },
          { name: 'Скрытые доплаты', current: 6, target: 0, competitors: [7, 5] },
          { name: 'Прозрачность хода работ', current: 3, target: 9, competitors: [3, 8] },
          { name: 'Срок стройки', current: 6, target: 8, competitors: [5, 2] },
          { name: 'Бумажная волокита для клиента', current: 7, target: 3, competitors: [7, 9] },
          { name: 'Паспорт дома', current: 0, target: 9, competitors: [0, 0] },
        ],
      },
    },
    {
      name: 'Владельцы домов после сдачи',
      kind: 'customer',
      description: 'Семьи, живущие в доме СтройДом первые 5 лет гарантии.',
      sizeEstimate: 340,
      context: {
        situation:
          'Живут в доме первые годы, осваивают инженерные системы (котёл, септик, вентиляция); при поломке звонят нам, а не в сервис производителя.',
        regulations:
          'Гарантия подрядчика — 5 лет на конструктив (ст. 756 ГК РФ), на оборудование — гарантия производителя; закон «О защите прав потребителей».',
        market: '',
        channels: 'Телефон гарантийной службы, почта, выезд инженера по заявке.',
      },
      needs: [
        { jobKind: 'functional', text: 'Быстро устранить гарантийный случай', importance: 5 },
        { jobKind: 'functional', text: 'Знать, как обслуживать дом и его системы', importance: 4 },
        { jobKind: 'emotional', text: 'Чувствовать, что компания не исчезла после сдачи', importance: 4 },
      ],
      pains: [
        {
          key: 'warranty-wait',
          text: 'Долго ждать ответа гарантийной службы',
          severity: 5,
          frequency: 3,
          where: 'дом клиента',
          when: 'первые два года',
          who: 'гарантийный сервис',
          channel: 'телефон, почта',
          evidence: [
            {
              kind: 'metric',
              text: 'Медиана ответа на обращение — 3,5 дня (цель — 1 день)',
              source: 'журнал обращений',
              date: '2026-10-15',
            },
          ],
        },
        {
          key: 'dispute',
          text: 'Спор, гарантийный ли случай',
          severity: 4,
          frequency: 2,
          where: 'дом клиента',
          when: 'после осмотра',
          who: 'инженер',
          channel: 'выезд',
        },
        {
          key: 'manual',
          text: 'Нет понятной инструкции по обслуживанию дома',
          severity: 3,
          frequency: 3,
          where: 'дом клиента',
          when: 'смена сезона',
          who: 'владелец',
          channel: '—',
        },
      ],
      gains: [{ key: 'calendar', text: 'Календарь обслуживания дома с напоминаниями', relevance: 4 }],
      products: ['Гарантийное обслуживание 5 лет'],
      relievers: [
        { name: 'Ответ на обращение в течение суток', answers: ['warranty-wait'] },
        { name: 'Паспорт дома с разделом «обслуживание»', answers: ['manual'] },
      ],
      creators: [{ name: 'Напоминания о сезонном обслуживании', answers: ['calendar'] }],
    },
  ],
  mfc: [
    {
      name: 'Жители района',
      kind: 'citizen',
      description: 'Жители Северного района, получающие государственные и муниципальные услуги.',
      sizeEstimate: 85000,
      context: {
        situation:
          'Приходят за услугой, когда жизнь требует: рождение ребёнка, переезд, пенсия. Многие — пожилые, впервые сталкиваются с услугой и не знают, что взять с собой.',
        regulations:
          'Регламенты услуг (210-ФЗ «Об организации предоставления государственных и муниципальных услуг»), сроки по соглашениям с ведомствами, стандарт ожидания в очереди — не более 15 минут.',
        market:
          'Выбора почти нет: портал госуслуг (быстро, но не для всех услуг и не для всех жителей) или ведомство напрямую (долго, несколько визитов).',
        channels: 'Очный приём в окне, телефон горячей линии, запись через портал, выездной приём для маломобильных.',
        evidence: [
          {
            kind: 'document',
            text: 'Постановление о стандарте МФЦ: ожидание в очереди — не более 15 минут',
            source: 'региональный регламент',
            date: '2026-01-15',
          },
        ],
      },
      needs: [
        { jobKind: 'functional', text: 'Получить услугу за одно посещение', importance: 5 },
        { jobKind: 'functional', text: 'Знать заранее, какие документы нужны', importance: 4 },
        { jobKind: 'emotional', text: 'Чувствовать уважение и не бояться ошибиться', importance: 3 },
      ],
      pains: [
        {
          key: 'queue',
          text: 'Очередь больше 30 минут',
          severity: 4,
          frequency: 4,
          where: 'зал ожидания',
          when: 'понедельник, утро',
          who: 'заявитель',
          channel: 'очно',
          evidence: [
            {
              kind: 'metric',
              text: 'Среднее ожидание в понедельник 9:00–12:00 — 41 минута',
              source: 'электронная очередь',
              date: '2026-11-02',
            },
          ],
        },
        {
          key: 'docs',
          text: 'Приходится возвращаться из-за недостающего документа',
          severity: 5,
          frequency: 3,
          where: 'окно приёма',
          when: 'первое посещение',
          who: 'заявитель',
          channel: 'очно',
        },
        {
          key: 'status',
          text: 'Непонятно, на каком этапе заявление',
          severity: 3,
          frequency: 4,
          where: 'дома',
          when: 'после подачи',
          who: 'заявитель',
          channel: 'телефон',
        },
      ],
      gains: [{ key: 'sms', text: 'СМС о готовности документов', relevance: 4 }],
      products: ['Приём заявлений на 200+ услуг', 'Выездное обслуживание'],
      relievers: [
        { name: 'Предварительная запись на точное время', answers: ['queue'] },
        { name: 'Персональный список документов по телефону накануне', answers: ['docs'] },
      ],
      creators: [{ name: 'Уведомления о статусе заявления', answers: ['sms'] }],
      canvas: {
        name: 'МФЦ и альтернативы',
        competitors: ['Портал госуслуг', 'Ведомство напрямую'],
        factors: [
          { name: 'Время ожидания', current: 4, target: 8, competitors: [9, 2] },
          { name: 'Помощь с документами', current: 6, target: 9, competitors: [1, 3] },
          { name: 'Повторные визиты', current: 5, target: 1, competitors: [0, 7] },
          { name: 'Выезд на дом', current: 0, target: 6, competitors: [0, 0] },
        ],
      },
    },
  ],
  'neighbourhood-care': [
    {
      name: 'Older neighbours living at home',
      kind: 'customer',
      description: 'People over 75 who want to keep living at home, and their families.',
      sizeEstimate: 2400,
      context: {
        situation:
          'Living alone or with a partner, often after a fall or a hospital stay; a son or daughter arranges care from a distance and worries.',
        regulations:
          'Home nursing is paid by the health insurer after an indication by a district nurse; personal care through the municipality (Wmo).',
        market: 'Large home-care agencies with many rotating staff, private nurses, or the family doing it alone.',
        channels: 'Phone calls from families, referrals from the GP and the hospital, neighbours who already have care.',
      },
      needs: [
        { jobKind: 'functional', text: 'Get help with daily care at a predictable time', importance: 5 },
        { jobKind: 'emotional', text: 'Be cared for by familiar faces, not strangers', importance: 5 },
        { jobKind: 'social', text: 'Stay part of the neighbourhood', importance: 3 },
      ],
      pains: [
        {
          key: 'faces',
          text: 'A different nurse every visit',
          severity: 4,
          frequency: 4,
          where: 'at home',
          when: 'every week',
          who: 'client',
          channel: 'visit',
          evidence: [
            {
              kind: 'interview',
              text: 'Mrs. de Boer: “I had to explain my medication to five people this month.”',
              source: 'home interview',
              date: '2026-10-08',
            },
          ],
        },
        {
          key: 'first-call',
          text: 'Waiting days for the first visit after calling',
          severity: 5,
          frequency: 2,
          where: 'phone',
          when: 'first contact',
          who: 'family',
          channel: 'phone',
        },
        {
          key: 'paperwork',
          text: 'Confusing forms for the insurer',
          severity: 3,
          frequency: 2,
          where: 'at home',
          when: 'intake',
          who: 'family',
          channel: 'post',
        },
      ],
      gains: [{ key: 'plan', text: 'A care plan written together with the client', relevance: 4 }],
      products: ['Home nursing', 'Personal care'],
      relievers: [
        { name: 'Small team of at most four nurses per client', answers: ['faces'] },
        { name: 'First visit within two days of the call', answers: ['first-call'] },
      ],
      creators: [{ name: 'Kitchen-table care planning', answers: ['plan'] }],
      canvas: {
        name: 'Neighbourhood Care vs. alternatives',
        competitors: ['Large home-care agency', 'Family alone'],
        factors: [
          { name: 'Same faces', current: 8, target: 9, competitors: [2, 10] },
          { name: 'Time to first visit', current: 5, target: 8, competitors: [4, 10] },
          { name: 'Administration for the family', current: 5, target: 2, competitors: [8, 1] },
          { name: 'Neighbourhood network', current: 0, target: 7, competitors: [0, 0] },
        ],
      },
    },
  ],
};

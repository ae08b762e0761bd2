/**
 * Demo agreements and decisions (steps 5–6): per organization, three agreements (one past its
 * review date) and two decisions — one taken with advice, one still waiting for advice from the
 * demo admin among others. Review days are offsets from the seeding day; money in minor units.
 */
export interface DemoAgreement {
  owner: { team: string; role?: string };
  title: string;
  driver: string;
  text: string;
  criteria: string;
  reviewInDays: number;
  /** Reviewed once already (outcome keep), by this person, which set the review day. */
  reviewed?: { by: string; note: string };
}

export interface DemoDecision {
  team: string;
  right: string;
  by: string;
  title: string;
  context: string;
  options: string[];
  amount: number | null;
  advisers: ({ user: string } | { team: string })[];
  adviceInDays: number;
  /** Each answer: who gives it, for which adviser, the text and the preferred option. */
  answers: { by: string; advice: string; preferred: number }[];
  /** `override`: the decider acts from above a right delegated to the team, and says why (issue 17). */
  decided?: { by: string; option: number; rationale: string; reviewInDays: number; override?: string };
}

export const DEMO_AGREEMENTS: Record<string, { agreements: DemoAgreement[]; decisions: DemoDecision[] }> = {
  stroydom: {
    agreements: [
      {
        owner: { team: 'Гарантийный сервис' },
        title: 'Отвечаем клиенту в течение рабочего дня',
        driver: 'Владельцы домов звонят в несколько мест и не знают, приняли ли их обращение.',
        text: 'Любое обращение владельца получает ответ с именем ответственного и сроком до конца рабочего дня, в который оно пришло; пришедшее после 17:00 — до 12:00 следующего дня.',
        criteria: 'Ответ в срок не реже чем в 95 % обращений; ни одной жалобы «никто не ответил» за месяц.',
        reviewInDays: 45,
        reviewed: { by: 'dmitry.orlov@stroydom.example', note: 'За квартал 97 % ответов в срок; оставляем как есть.' },
      },
      {
        owner: { team: 'Бригада Кузнецова', role: 'Бригадир' },
        title: 'Фотоотчёт клиенту каждую пятницу',
        driver: 'Семья живёт далеко от участка и тревожится, что стройка стоит.',
        text: 'Каждую пятницу бригадир отправляет клиенту 10–15 фото этапа и план работ на следующую неделю.',
        criteria: 'Отчёт ушёл в 4 пятницы из 4; вопросы клиента «что происходит?» — реже раза в месяц.',
        reviewInDays: -12,
      },
      {
        owner: { team: 'Бригада Соколова' },
        title: 'Перенос этапа — только с согласия клиента',
        driver: 'Переносы этапов без предупреждения ломают планы семьи: переезд, кредит, отпуск.',
        text: 'Бригада переносит этап не позже чем за 3 дня и только после согласия клиента; перенос, сдвигающий срок сдачи дома, решает совет.',
        criteria: 'Ни одного переноса без согласия клиента за квартал.',
        reviewInDays: 90,
      },
    ],
    decisions: [
      {
        team: 'Гарантийный сервис',
        right: 'Решать гарантийные случаи',
        by: 'dmitry.orlov@stroydom.example',
        title: 'Протечка кровли у семьи Лебедевых',
        context: 'После ливня протекает примыкание кровли к трубе. Дом сдан 8 месяцев назад, на гарантии. Семья просит решить до выходных.',
        options: ['Ремонт кровли бригадой Кузнецова за наш счёт', 'Компенсация семье ремонта сторонним подрядчиком'],
        amount: 85_000_00,
        advisers: [{ user: 'igor.kuznetsov@stroydom.example' }, { team: 'Проектирование' }],
        adviceInDays: 2,
        answers: [
          { by: 'igor.kuznetsov@stroydom.example', advice: 'Беремся за два дня, материал есть на складе.', preferred: 0 },
          {
            by: 'olga.vasilyeva@stroydom.example',
            advice: 'Узел примыкания в проекте верный — это дефект монтажа, ремонт силами бригады правильнее.',
            preferred: 0,
          },
        ],
        decided: {
          by: 'dmitry.orlov@stroydom.example',
          option: 0,
          rationale: 'Быстрее для семьи (два дня против двух недель), и бригада разберёт свой дефект монтажа.',
          reviewInDays: 60,
        },
      },
      {
        team: 'Бригада Соколова',
        right: 'Менять график работ',
        by: 'pavel.sokolov@stroydom.example',
        title: 'Отделка у Новиковых: перенести на неделю ради сушки стяжки?',
        context: 'Стяжка сохнет медленнее из-за холодов; влажность выше нормы для укладки ламината.',
        options: ['Перенести отделку на неделю', 'Ускорить сушку тепловыми пушками и не переносить'],
        amount: null,
        advisers: [{ user: 'demo@clientocracy.local' }, { team: 'Гарантийный сервис' }],
        adviceInDays: 5,
        answers: [],
      },
      {
        // The right is delegated to the crew; the admin decided from above, with a reason on record.
        team: 'Бригада Соколова',
        right: 'Менять график работ',
        by: 'pavel.sokolov@stroydom.example',
        title: 'Дом Лебедевых: заливать отмостку в субботу, до заморозков?',
        context: 'На понедельник обещают −8 °C; бетон, залитый позже, не наберёт прочность до весны.',
        options: ['Залить в субботу', 'Перенести на весну'],
        amount: null,
        advisers: [],
        adviceInDays: 0,
        answers: [],
        decided: {
          by: 'demo@clientocracy.local',
          option: 0,
          rationale: 'Семья переезжает в декабре: без отмостки вода уйдёт под фундамент.',
          reviewInDays: 60,
          override: 'Бригадир в отъезде до понедельника, а решить нужно до заморозков в субботу.',
        },
      },
    ],
  },
  mfc: {
    agreements: [
      {
        owner: { team: 'Фронт-офис: окна 1–6' },
        title: 'Заявитель не уходит без ответа, куда идти дальше',
        driver: 'Заявители возвращаются по три раза, потому что им не сказали следующий шаг.',
        text: 'Каждый заявитель уходит с распечаткой: что сдано, когда будет ответ, куда и с чем прийти дальше.',
        criteria: 'Повторные визиты по той же услуге — меньше 10 %.',
        reviewInDays: 30,
        reviewed: { by: 'a.grigoriev@mfc.example', note: 'Повторных визитов стало 8 %; продолжаем.' },
      },
      {
        owner: { team: 'Фронт-офис: окна 1–6' },
        title: 'Очередь больше 15 человек — открываем дополнительное окно',
        driver: 'В часы пик ожидание доходило до часа.',
        text: 'Когда в электронной очереди больше 15 человек, старший смены открывает дополнительное окно в течение 10 минут.',
        criteria: 'Среднее ожидание в часы пик — не более 15 минут.',
        reviewInDays: -5,
      },
      {
        owner: { team: 'Выездное обслуживание' },
        title: 'Выезд подтверждаем звонком накануне',
        driver: 'Маломобильные граждане ждали весь день, не зная, приедут ли.',
        text: 'Накануне выезда специалист звонит заявителю и называет двухчасовое окно приезда.',
        criteria: 'Выезды «не застали дома» — не более 1 из 20.',
        reviewInDays: 60,
      },
    ],
    decisions: [
      {
        team: 'Фронт-офис: окна 1–6',
        right: 'Продлевать приём сверх графика',
        by: 'a.grigoriev@mfc.example',
        title: 'Продлить приём по четвергам до 21:00',
        context: 'Работающие заявители просят вечерний приём; по четвергам после 18:00 очередь не расходится.',
        options: ['Продлить приём по четвергам до 21:00', 'Оставить график и открыть запись на субботу'],
        amount: null,
        advisers: [{ team: 'Бэк-офис: обработка документов' }],
        adviceInDays: 3,
        answers: [
          {
            by: 'e.nikitina@mfc.example',
            advice: 'Документы, принятые вечером, передадим утром в пятницу — ведомства это устраивает.',
            preferred: 0,
          },
        ],
        decided: {
          by: 'a.grigoriev@mfc.example',
          option: 0,
          rationale: 'Вечером приходят те, кто не может днём; бэк-офис успевает передать документы утром.',
          reviewInDays: 90,
        },
      },
      {
        team: 'Фронт-офис: окна 1–6',
        right: 'Продлевать приём сверх графика',
        by: 't.kiseleva@mfc.example',
        title: 'Открывать седьмое окно по понедельникам',
        context: 'По понедельникам очередь вдвое длиннее, чем в другие дни.',
        options: ['Седьмое окно по понедельникам с 9 до 13', 'Предварительная запись на понедельник вместо живой очереди'],
        amount: null,
        advisers: [{ user: 'demo@clientocracy.local' }, { team: 'Выездное обслуживание' }],
        adviceInDays: 4,
        answers: [],
      },
    ],
  },
  'neighbourhood-care': {
    agreements: [
      {
        owner: { team: 'Nurses North' },
        title: 'We call the client when we run more than 15 minutes late',
        driver: 'Clients waited at the door not knowing whether anyone was coming.',
        text: 'A nurse who will be more than 15 minutes late calls the client before the planned time and gives a new one.',
        criteria: 'No complaint about an unannounced late visit in a month.',
        reviewInDays: 40,
        reviewed: { by: 'joost.bakker@care.example', note: 'One complaint in three months, on a day the phone died; keep it.' },
      },
      {
        owner: { team: 'Nurses South' },
        title: 'A new client is visited within two days of the first call',
        driver: 'Families calling after a hospital discharge need help now, not next week.',
        text: 'Whoever takes the first call books an intake visit within two working days and tells the family who will come.',
        criteria: 'Nine in ten intakes within two working days.',
        reviewInDays: -7,
      },
      {
        owner: { team: 'Nurses Riverside' },
        title: 'Weekly handover with the GP practice',
        driver: 'Changes in medication reached us late.',
        text: 'Every Tuesday one nurse goes through the shared client list with the practice nurse.',
        criteria: 'No medication change discovered at a visit that the GP knew a week before.',
        reviewInDays: 75,
      },
    ],
    decisions: [
      {
        team: 'Nurses North',
        right: 'Plan care visits',
        by: 'joost.bakker@care.example',
        title: 'Move Mrs. de Boer’s visits to mornings',
        context: 'Mrs. de Boer sleeps badly after the evening medication round; she asks for morning care.',
        options: ['Morning visits at 8:30', 'Keep evenings and change the order of care'],
        amount: null,
        advisers: [{ team: 'Nurses South' }],
        adviceInDays: 2,
        answers: [
          { by: 'fatima.elamrani@care.example', advice: 'We can take two of your evening clients to free the morning.', preferred: 0 },
        ],
        decided: {
          by: 'joost.bakker@care.example',
          option: 0,
          rationale: 'It is what she asked for, and South takes two evening clients.',
          reviewInDays: 30,
        },
      },
      {
        team: 'Nurses Riverside',
        right: 'Buy care supplies',
        by: 'lotte.jansen@care.example',
        title: 'Order a lifting aid for Mr. Mulder',
        context: 'Transfers from bed to chair now take two people; a lifting aid lets one nurse do it safely.',
        options: ['Buy a mobile lifting aid (€420)', 'Rent one for three months (€45 a month)'],
        amount: 420_00,
        advisers: [{ user: 'demo@clientocracy.local' }, { team: 'Nurses North' }],
        adviceInDays: 3,
        answers: [],
      },
    ],
  },
};

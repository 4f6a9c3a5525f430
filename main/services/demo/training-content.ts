/** Demo courses (en/ru, one zh) built on the brief's situations: phone sales, listening, objections, service, CRM. */
import type { QuestionKind } from '../../../shared/domain/quiz';

export interface DemoQuestion {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  /** indexes into options (for ordering: options are already in the right order) */
  correct: number[];
  explanation: string;
}
export interface DemoCourse {
  key: string;
  title: string;
  description: string;
  language: 'en' | 'ru' | 'zh';
  competencies: string[];
  status?: 'draft' | 'published';
  modules: {
    title: string;
    lessons: { title: string; md: string }[];
    quiz?: { title: string; passMark: number; attempts: number; questions: DemoQuestion[] };
  }[];
}

const tf = (lang: 'en' | 'ru' | 'zh') => (lang === 'ru' ? ['Верно', 'Неверно'] : lang === 'zh' ? ['正确', '错误'] : ['True', 'False']);

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'product_en',
    title: 'Product essentials: range, prices, delivery and warranty',
    description:
      'Everything a rep must say correctly on the first call: the range, list prices and discounts, delivery terms and the warranty.',
    language: 'en',
    competencies: ['product_knowledge'],
    modules: [
      {
        title: 'The range and the price list',
        lessons: [
          {
            title: 'Our range in five minutes',
            md: `## Three lines, one promise\n\nWe sell **office equipment** in three lines:\n\n| Line | Who buys it | Typical order |\n|---|---|---|\n| Starter | small offices, 1–10 seats | 2–5 devices |\n| Business | growing companies | 10–40 devices + service |\n| Enterprise | key accounts, distributors | framework contract |\n\nEvery line ships with the same promise: *delivered, installed and working within five working days*.\n\n> When a customer asks "what's the difference", answer with **who it is for**, not with a list of specs.\n\n### What to check before quoting\n1. Number of seats and sites\n2. Current equipment and contract end date\n3. Who signs (the decision maker) and the budget window`,
          },
          {
            title: 'Prices, discounts and who approves them',
            md: `## List prices are public, discounts are earned\n\n- Starter and Business prices are on the price list; **quote them exactly**.\n- Volume discounts start at 10 devices (5 %) and 25 devices (8 %).\n- Anything above 8 % needs the **sales manager's approval** before you promise it.\n\n**Never** lower the price as a first answer to "it's expensive": first find out *compared to what*. See the course on objections.`,
          },
        ],
      },
      {
        title: 'Delivery and warranty',
        lessons: [
          {
            title: 'Delivery terms',
            md: `## Five working days, installed\n\nStandard delivery is free within the city and takes **up to five working days**, installation included. Regions: 7–10 days, delivery charged by the carrier's tariff.\n\nIf the customer needs it faster, offer **express (48 h)** for a fixed fee; never promise a date the warehouse has not confirmed.`,
          },
          {
            title: 'Warranty and service',
            md: `## Two years, on site\n\nAll devices carry a **2-year on-site warranty**; Business and Enterprise can extend it to 4 years with a service contract. A broken device under warranty is repaired on site or replaced within 3 working days.\n\nAlways log the customer's device serial numbers in the CRM: service cannot help without them.`,
          },
        ],
        quiz: {
          title: 'Product essentials quiz',
          passMark: 75,
          attempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'How long is the standard warranty on every device?',
              options: ['1 year', '2 years, on site', '3 years, carry-in', '5 years'],
              correct: [1],
              explanation: 'All devices carry a 2-year on-site warranty; a service contract extends it to 4 years.',
            },
            {
              kind: 'single',
              prompt: 'A customer orders 12 devices. Which discount can you offer without approval?',
              options: ['None', '5 %', '8 %', '12 %'],
              correct: [1],
              explanation: 'Volume discounts: 5 % from 10 devices, 8 % from 25. Above 8 % needs the manager.',
            },
            {
              kind: 'multiple',
              prompt: 'What should you check before quoting? (choose all that apply)',
              options: [
                'Number of seats and sites',
                'The customer’s favourite colour',
                'Who signs and the budget window',
                'Current equipment and contract end date',
              ],
              correct: [0, 2, 3],
              explanation: 'Seats, current equipment and the decision maker decide the line and the timing.',
            },
            {
              kind: 'truefalse',
              prompt: 'Standard city delivery includes installation.',
              options: tf('en'),
              correct: [0],
              explanation: 'Delivered, installed and working within five working days.',
            },
            {
              kind: 'ordering',
              prompt: 'Put the warranty claim steps in order.',
              options: [
                'Take the serial number',
                'Check the warranty in the CRM',
                'Book the on-site visit',
                'Confirm the repair with the customer',
              ],
              correct: [0, 1, 2, 3],
              explanation: 'Without the serial number the warranty cannot be checked.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'product_ru',
    title: 'Знание продукта: ассортимент, цены и условия',
    description: 'Ассортимент, цены и скидки, условия доставки и гарантия — всё, что менеджер должен назвать без ошибок.',
    language: 'ru',
    competencies: ['product_knowledge'],
    modules: [
      {
        title: 'Ассортимент и условия',
        lessons: [
          {
            title: 'Три линейки продуктов',
            md: `## Для кого каждая линейка\n\n- **Старт** — небольшие офисы до 10 рабочих мест.\n- **Бизнес** — растущие компании, 10–40 устройств и сервис.\n- **Корпоратив** — ключевые клиенты и дистрибьюторы, рамочный договор.\n\nНа вопрос «чем они отличаются» отвечайте, **для кого** линейка, а не списком характеристик.`,
          },
          {
            title: 'Доставка и гарантия',
            md: `## Пять рабочих дней с установкой\n\nДоставка по городу бесплатная, до **5 рабочих дней**, с установкой. В регионы — 7–10 дней по тарифу перевозчика.\n\nГарантия — **2 года с выездом** специалиста; по сервисному договору — до 4 лет. Обязательно внесите серийные номера в CRM.`,
          },
        ],
        quiz: {
          title: 'Тест: продукт и условия',
          passMark: 75,
          attempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'Какой срок стандартной гарантии?',
              options: ['1 год', '2 года с выездом', '3 года', '5 лет'],
              correct: [1],
              explanation: 'Стандартная гарантия — 2 года с выездом; сервисный договор продлевает её до 4 лет.',
            },
            {
              kind: 'single',
              prompt: 'Для кого линейка «Старт»?',
              options: ['Для дистрибьюторов', 'Для офисов до 10 мест', 'Для госзаказчиков', 'Для компаний от 100 мест'],
              correct: [1],
              explanation: '«Старт» — небольшие офисы до 10 рабочих мест.',
            },
            {
              kind: 'truefalse',
              prompt: 'Доставка в регионы бесплатная.',
              options: tf('ru'),
              correct: [1],
              explanation: 'Бесплатно — только по городу; в регионы — по тарифу перевозчика.',
            },
            {
              kind: 'multiple',
              prompt: 'Что нужно внести в CRM после продажи?',
              options: ['Серийные номера устройств', 'Следующий шаг с датой', 'Личное мнение о клиенте', 'Контакт ЛПР'],
              correct: [0, 1, 3],
              explanation: 'Без серийных номеров сервис не сможет помочь; следующий шаг и ЛПР нужны для воронки.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'listening_en',
    title: 'Listening and needs discovery on the phone',
    description:
      '“The customer must be heard and, above all, listened to.” Open questions, letting the customer finish, confirming what you heard.',
    language: 'en',
    competencies: ['needs_discovery', 'customer_service'],
    modules: [
      {
        title: 'Listen first',
        lessons: [
          {
            title: 'Why customers hang up',
            md: `## What customers hate\n\nSurveys of support lines name the same things again and again: **long waits with no estimate**, staff who don't know the answer, **rudeness**, and above all *not being listened to*.\n\n### Three habits\n1. Let the customer **finish the sentence** — count to two before you answer.\n2. Write down their words, not your interpretation.\n3. **Confirm**: "So the main thing for you is… — did I get that right?"`,
          },
          {
            title: 'Open questions that work',
            md: `## Questions that open the conversation\n\n- "What made you look for a new supplier now?"\n- "How do you handle this today?"\n- "What would a good result look like in three months?"\n\nClosed questions (*"Do you need a printer?"*) end the conversation. Use them only to **confirm**.`,
          },
        ],
        quiz: {
          title: 'Listening quiz',
          passMark: 80,
          attempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'Which is an open question?',
              options: [
                'Do you need a printer?',
                'Is the budget approved?',
                'How do you handle printing today?',
                'Can I send you the offer?',
              ],
              correct: [2],
              explanation: 'Open questions start with how/what/why and let the customer talk.',
            },
            {
              kind: 'truefalse',
              prompt: 'Interrupting to show you understood quickly is good practice.',
              options: tf('en'),
              correct: [1],
              explanation: 'Let the customer finish; interrupting is one of the top complaints.',
            },
            {
              kind: 'ordering',
              prompt: 'Order the discovery steps.',
              options: ['Ask an open question', 'Listen without interrupting', 'Write down their words', 'Confirm what you heard'],
              correct: [0, 1, 2, 3],
              explanation: 'Ask, listen, note, confirm.',
            },
            {
              kind: 'multiple',
              prompt: 'Which are top complaints about support lines?',
              options: ['Long waits with no estimate', 'Rudeness', 'Being listened to', 'Staff who don’t know the answer'],
              correct: [0, 1, 3],
              explanation: 'Being listened to is what customers want, not a complaint.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'listening_ru',
    title: 'Выявление потребностей: слушать и слышать',
    description: 'Клиента нужно выслушать и, главное, услышать: открытые вопросы, паузы, подтверждение услышанного.',
    language: 'ru',
    competencies: ['needs_discovery'],
    modules: [
      {
        title: 'Слушаем клиента',
        lessons: [
          {
            title: 'Почему клиенты уходят',
            md: `## Что раздражает клиентов\n\n- Долгое ожидание без объяснений\n- Некомпетентность и грубость\n- **Их не слушают**\n\n### Три привычки\n1. Дайте клиенту договорить — выдержите паузу в две секунды.\n2. Записывайте слова клиента, а не свою интерпретацию.\n3. Подтверждайте: «Правильно ли я понял, что для вас главное — …?»`,
          },
          {
            title: 'Открытые вопросы',
            md: `## Вопросы, которые открывают разговор\n\n- «Что заставило вас искать нового поставщика именно сейчас?»\n- «Как вы решаете эту задачу сегодня?»\n- «Каким будет хороший результат через три месяца?»\n\nЗакрытые вопросы используйте только для **подтверждения**.`,
          },
        ],
        quiz: {
          title: 'Тест: выявление потребностей',
          passMark: 80,
          attempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'Какой вопрос открытый?',
              options: ['Вам нужен принтер?', 'Бюджет утверждён?', 'Как вы сейчас решаете задачу печати?', 'Отправить вам предложение?'],
              correct: [2],
              explanation: 'Открытые вопросы начинаются с «как», «что», «почему».',
            },
            {
              kind: 'truefalse',
              prompt: 'Перебить клиента, чтобы показать, что вы всё поняли, — хорошая практика.',
              options: tf('ru'),
              correct: [1],
              explanation: 'Дайте клиенту договорить: перебивание — одна из главных жалоб.',
            },
            {
              kind: 'ordering',
              prompt: 'Расположите шаги выявления потребностей по порядку.',
              options: ['Задать открытый вопрос', 'Выслушать, не перебивая', 'Записать слова клиента', 'Подтвердить услышанное'],
              correct: [0, 1, 2, 3],
              explanation: 'Спросить, выслушать, записать, подтвердить.',
            },
            {
              kind: 'single',
              prompt: 'Зачем подтверждать услышанное?',
              options: [
                'Чтобы затянуть разговор',
                'Чтобы клиент почувствовал, что его услышали, и исправил ошибки',
                'Чтобы перейти к цене',
                'Так требует CRM',
              ],
              correct: [1],
              explanation: 'Подтверждение показывает внимание и ловит недопонимание до предложения.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'objections_en',
    title: 'Handling price and “not now” objections',
    description: 'Acknowledge, clarify, answer with evidence, check it landed. The four most common objections on our calls.',
    language: 'en',
    competencies: ['objection_handling'],
    modules: [
      {
        title: 'The method',
        lessons: [
          {
            title: 'Acknowledge – clarify – answer – check',
            md: `## Four steps\n\n1. **Acknowledge**: "I understand, price matters."\n2. **Clarify**: "Expensive compared to what?"\n3. **Answer with evidence**: numbers, a case, the warranty.\n4. **Check**: "Does that answer your concern?"\n\nArguing or giving in at once both lose the deal.`,
          },
        ],
      },
      {
        title: 'The four common objections',
        lessons: [
          {
            title: '“It’s too expensive”',
            md: `## Price is rarely the real reason\n\nAsk what they compare with. Often it's a cheaper device **without** installation and on-site warranty. Show the **total cost over two years**: delivery, installation, downtime, repairs.\n\nOnly then, if needed, offer the volume discount you are allowed to give.`,
          },
          {
            title: '“Send me an e-mail” / “Not now”',
            md: `## Turn a brush-off into a next step\n\n"Of course. So I send what's useful — what matters most to you: price, delivery time or service?" Then agree **when** you'll call back and put it in the CRM.`,
          },
        ],
        quiz: {
          title: 'Objections quiz',
          passMark: 75,
          attempts: 3,
          questions: [
            {
              kind: 'ordering',
              prompt: 'Order the objection-handling steps.',
              options: ['Acknowledge', 'Clarify', 'Answer with evidence', 'Check it landed'],
              correct: [0, 1, 2, 3],
              explanation: 'Acknowledge, clarify, answer, check.',
            },
            {
              kind: 'single',
              prompt: 'The customer says “It’s too expensive.” Your first move?',
              options: ['Offer 10 % off', 'Ask what they compare it with', 'Defend the price', 'End the call politely'],
              correct: [1],
              explanation: 'Clarify first: the real objection is often elsewhere.',
            },
            {
              kind: 'truefalse',
              prompt: '“Send me an e-mail” should end the call.',
              options: tf('en'),
              correct: [1],
              explanation: 'Agree what is useful to send and when you call back.',
            },
            {
              kind: 'multiple',
              prompt: 'What counts as evidence in an answer?',
              options: ['Total cost over two years', 'A similar customer’s case', '“Trust me”', 'The on-site warranty terms'],
              correct: [0, 1, 3],
              explanation: 'Numbers, cases and terms — not assurances.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'objections_ru',
    title: 'Работа с возражениями: цена и «не сейчас»',
    description: 'Признать, уточнить, ответить с доказательствами, проверить реакцию.',
    language: 'ru',
    competencies: ['objection_handling'],
    modules: [
      {
        title: 'Метод и типичные возражения',
        lessons: [
          {
            title: 'Признать – уточнить – ответить – проверить',
            md: `## Четыре шага\n\n1. **Признать**: «Понимаю, цена важна».\n2. **Уточнить**: «Дорого по сравнению с чем?»\n3. **Ответить с доказательствами**: цифры, кейс, гарантия.\n4. **Проверить**: «Это снимает ваш вопрос?»\n\nСпор и мгновенная уступка одинаково теряют сделку.`,
          },
          {
            title: '«Дорого» и «пришлите на почту»',
            md: `## «Дорого»\n\nВыясните, с чем сравнивают. Покажите **полную стоимость за два года**: доставка, установка, простой, ремонт.\n\n## «Пришлите на почту»\n\n«Конечно. Чтобы прислать полезное — что для вас важнее: цена, сроки или сервис?» Договоритесь, **когда** перезвоните, и зафиксируйте это в CRM.`,
          },
        ],
        quiz: {
          title: 'Тест: возражения',
          passMark: 75,
          attempts: 3,
          questions: [
            {
              kind: 'ordering',
              prompt: 'Расположите шаги работы с возражением по порядку.',
              options: ['Признать', 'Уточнить', 'Ответить с доказательствами', 'Проверить реакцию'],
              correct: [0, 1, 2, 3],
              explanation: 'Признать, уточнить, ответить, проверить.',
            },
            {
              kind: 'single',
              prompt: 'Клиент говорит «дорого». Первый шаг?',
              options: ['Дать скидку 10 %', 'Спросить, с чем сравнивает', 'Защищать цену', 'Вежливо закончить звонок'],
              correct: [1],
              explanation: 'Сначала уточнить: истинное возражение часто в другом.',
            },
            {
              kind: 'truefalse',
              prompt: '«Пришлите на почту» — повод закончить разговор.',
              options: tf('ru'),
              correct: [1],
              explanation: 'Договоритесь, что прислать и когда перезвонить.',
            },
            {
              kind: 'multiple',
              prompt: 'Что является доказательством в ответе?',
              options: ['Полная стоимость за два года', 'Кейс похожего клиента', '«Поверьте мне»', 'Условия гарантии с выездом'],
              correct: [0, 1, 3],
              explanation: 'Цифры, кейсы и условия — а не заверения.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'closing_en',
    title: 'Closing: ask for the decision, agree the next step',
    description: 'Every call ends with a commitment or a dated next step in the CRM.',
    language: 'en',
    competencies: ['closing', 'crm_discipline'],
    modules: [
      {
        title: 'Closing techniques',
        lessons: [
          {
            title: 'Ask for the commitment',
            md: `## If you don't ask, the answer is no\n\n- **Trial close**: "If we can deliver by Friday, would you go ahead?"\n- **Summary close**: recap the needs you confirmed and the offer that meets them, then ask.\n- **Next-step close**: when a decision isn't possible today, agree *who*, *what* and *when*.`,
          },
          {
            title: 'A next step has a date',
            md: `## "I'll call you next week" is not a next step\n\nA next step has a **date, a time and an owner**, and it is in the CRM before you hang up. Reps who do this close noticeably more: the funnel stops leaking between touches.`,
          },
        ],
        quiz: {
          title: 'Closing quiz',
          passMark: 75,
          attempts: 2,
          questions: [
            {
              kind: 'single',
              prompt: 'Which is a proper next step?',
              options: [
                '“I’ll call you sometime”',
                '“Let’s talk next week”',
                '“Thursday 10:00, I call you with the revised quote”',
                '“Think about it”',
              ],
              correct: [2],
              explanation: 'A next step has a date, a time and an owner.',
            },
            {
              kind: 'truefalse',
              prompt: 'A trial close asks for a conditional decision.',
              options: tf('en'),
              correct: [0],
              explanation: '“If we can…, would you…?”',
            },
            {
              kind: 'multiple',
              prompt: 'What goes into the CRM before you hang up?',
              options: ['The next step with a date', 'The funnel stage', 'The customer’s objections', 'Nothing; update it on Friday'],
              correct: [0, 1, 2],
              explanation: 'Record the touch, stage and next step the same day.',
            },
            {
              kind: 'single',
              prompt: 'A summary close…',
              options: [
                'Recaps the confirmed needs and the matching offer, then asks',
                'Offers a discount',
                'Sends the price list',
                'Asks for a referral',
              ],
              correct: [0],
              explanation: 'It ties the offer to what the customer confirmed.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'service_ru',
    title: 'Клиентский сервис по телефону',
    description: 'Вежливость, понятная речь, никаких долгих пауз без объяснений, выполненные обещания.',
    language: 'ru',
    competencies: ['customer_service'],
    modules: [
      {
        title: 'Стандарты сервиса',
        lessons: [
          {
            title: 'Пять правил разговора',
            md: `## Правила\n\n1. Представьтесь и назовите компанию.\n2. Говорите понятно, без жаргона.\n3. **Не оставляйте клиента на удержании** дольше 30 секунд без объяснения.\n4. Обещайте только то, что можете выполнить, — и выполняйте.\n5. В конце подведите итог и назовите следующий шаг.`,
          },
          {
            title: 'Недовольный клиент',
            md: `## Как превратить жалобу в лояльность\n\n- Выслушайте до конца, не оправдывайтесь.\n- Извинитесь за неудобство, а не «если вас что-то не устроило».\n- Предложите конкретное решение и срок.\n- Перезвоните и убедитесь, что проблема решена.`,
          },
        ],
        quiz: {
          title: 'Тест: сервис',
          passMark: 80,
          attempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'Сколько можно держать клиента на удержании без объяснения?',
              options: ['Сколько нужно', 'Не дольше 30 секунд', '5 минут', 'Удержание запрещено'],
              correct: [1],
              explanation: 'Долгое ожидание без объяснений — одна из главных жалоб клиентов.',
            },
            {
              kind: 'truefalse',
              prompt: 'Фраза «если вас что-то не устроило» — хорошее извинение.',
              options: tf('ru'),
              correct: [1],
              explanation: 'Извиняйтесь за конкретное неудобство.',
            },
            {
              kind: 'ordering',
              prompt: 'Порядок работы с жалобой:',
              options: ['Выслушать до конца', 'Извиниться за неудобство', 'Предложить решение и срок', 'Перезвонить и проверить'],
              correct: [0, 1, 2, 3],
              explanation: 'Выслушать, извиниться, решить, проверить.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'crm_en',
    title: 'CRM discipline: the five touches of the funnel',
    description: 'Record every touch, stage and next step the same day, so the funnel and your manager see the truth.',
    language: 'en',
    competencies: ['crm_discipline'],
    modules: [
      {
        title: 'The funnel in the CRM',
        lessons: [
          {
            title: 'Five touches',
            md: `## Our funnel\n\n1. First contact\n2. Needs confirmed\n3. Offer sent\n4. Negotiation\n5. Won / lost\n\nConversion = closed deals / customers at the first stage. It is only as true as what you record.`,
          },
        ],
        quiz: {
          title: 'CRM quiz',
          passMark: 70,
          attempts: 0,
          questions: [
            {
              kind: 'ordering',
              prompt: 'Order the funnel stages.',
              options: ['First contact', 'Needs confirmed', 'Offer sent', 'Negotiation', 'Won / lost'],
              correct: [0, 1, 2, 3, 4],
              explanation: 'The five touches in order.',
            },
            {
              kind: 'single',
              prompt: 'Funnel conversion is…',
              options: ['Calls per day', 'Closed deals / customers at the first stage', 'Won / lost', 'Revenue / calls'],
              correct: [1],
              explanation: 'Closed deals divided by customers that entered the first stage.',
            },
            {
              kind: 'truefalse',
              prompt: 'It is fine to update the CRM once a week.',
              options: tf('en'),
              correct: [1],
              explanation: 'Same day, every touch.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'channels_zh',
    title: '销售渠道与客户服务',
    description: '直销与分销渠道、线上线下服务渠道，以及如何在各渠道之间共享客户数据。',
    language: 'zh',
    competencies: ['customer_service', 'product_knowledge'],
    modules: [
      {
        title: '渠道基础',
        lessons: [
          {
            title: '直销与分销',
            md: `## 销售渠道\n\n- **直销**：自有门店、网站、销售代表。\n- **分销**：经销商、批发商、零售商。\n\n各渠道必须**共享客户数据**，并按渠道分析销售额、利润和费用。`,
          },
          {
            title: '服务渠道',
            md: `## 客户在哪里找我们\n\n支持热线、网站在线客服、即时通讯、社交网络、电子邮件和电话。无论哪个渠道，客户都希望**被倾听**，并得到及时、有效的帮助。`,
          },
        ],
        quiz: {
          title: '渠道测验',
          passMark: 75,
          attempts: 3,
          questions: [
            {
              kind: 'multiple',
              prompt: '以下哪些属于直销渠道？',
              options: ['自有门店', '销售代表', '批发商', '公司网站'],
              correct: [0, 1, 3],
              explanation: '批发商属于分销渠道。',
            },
            {
              kind: 'truefalse',
              prompt: '各渠道之间应当共享客户数据。',
              options: tf('zh'),
              correct: [0],
              explanation: '共享数据才能提供一致的客户体验。',
            },
            {
              kind: 'single',
              prompt: '客户最希望在服务中得到什么？',
              options: ['更长的等待', '被倾听并得到有效帮助', '机器人回复', '更多的表格'],
              correct: [1],
              explanation: '客户必须被倾听。',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'compliance_en',
    title: 'Yearly compliance: personal data on calls',
    description: 'What you may record, store and send about customers. Required once a year for everyone who talks to customers.',
    language: 'en',
    competencies: ['crm_discipline', 'customer_service'],
    modules: [
      {
        title: 'Personal data',
        lessons: [
          {
            title: 'What you may record and send',
            md: `## The rules\n\n- Tell the customer when a call is **recorded**.\n- Store contact data **only in the CRM**, never in personal notes or messengers.\n- Send offers only to the address the customer gave you.\n- A customer may ask to see or delete their data: pass the request to the admin the same day.`,
          },
        ],
        quiz: {
          title: 'Compliance check',
          passMark: 100,
          attempts: 0,
          questions: [
            {
              kind: 'truefalse',
              prompt: 'You may keep customer phone numbers in your personal messenger.',
              options: tf('en'),
              correct: [1],
              explanation: 'Contact data lives only in the CRM.',
            },
            {
              kind: 'single',
              prompt: 'A customer asks to delete their data. You…',
              options: [
                'Ignore it',
                'Delete the CRM record yourself',
                'Pass the request to the admin the same day',
                'Tell them it is impossible',
              ],
              correct: [2],
              explanation: 'Requests go to the admin the same day.',
            },
          ],
        },
      },
    ],
  },
  {
    key: 'draft_en',
    title: 'Demo week: presenting the Enterprise line (draft)',
    description: 'Work in progress: how to run an on-site demo for key accounts.',
    language: 'en',
    competencies: ['product_knowledge', 'closing'],
    status: 'draft',
    modules: [
      {
        title: 'Preparing the demo',
        lessons: [
          {
            title: 'Before you go',
            md: `## Checklist\n\n- Confirm the attendees and the decision maker\n- Bring the customer's own documents to print\n- Agree the success criteria up front`,
          },
        ],
      },
    ],
  },
];

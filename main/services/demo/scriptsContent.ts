/**
 * Demo scripts and objection bank (a B2B supplier of pumps, spare parts and
 * service contracts), built on the brief's situations: price requests,
 * "send me an e-mail", cheaper competitors, long delivery, bad past support,
 * not the decision maker, renewals, complaints.
 */
import type { ScriptLanguage, Stage, Triggers } from '../../../shared/api/scripts';

export interface DemoObjection {
  ref: string;
  language: ScriptLanguage;
  objection: string;
  responses: string[];
  tags: string[];
}

/** [key, stage, title, talking points (Markdown), say it, listen for, must say, answers [label, "step:key" | "obj:ref" | null]] */
export type DemoStep = [string, Stage, string, string, string, string, string[], [string, string | null][]];

export interface DemoScript {
  title: string;
  language: ScriptLanguage;
  description: string;
  products: string[];
  channels: ('phone' | 'chat' | 'email' | 'messenger' | 'in_person')[];
  funnelStages: ('lead' | 'qualification' | 'proposal' | 'negotiation' | 'closing')[];
  segments: ('new' | 'active' | 'long_standing')[];
  steps: DemoStep[];
}

/** "What customers say" for the demo cards: customers' own words, which search and live guidance listen for. */
export const DEMO_TRIGGERS: Record<string, Partial<Triggers>> = {
  'en-price': { en: ['too expensive', 'price is too high', 'your price seemed high', 'costs too much', 'pricey'] },
  'en-email': { en: ['send me something by email', 'email me the details'] },
  'en-competitor': { en: ['your competitor is cheaper', 'cheaper elsewhere', 'other suppliers are cheaper'] },
  'en-delivery': { en: ['delivery takes too long', 'too slow to deliver'] },
  'en-dm': { en: ['not my decision', 'I do not decide', 'ask my boss'] },
  'en-supplier': { en: ['we already have a supplier', 'happy with our current supplier'] },
  'en-time': { en: ['no time right now', 'I am busy', 'call me later'] },
  'en-budget': { en: ['no budget', 'budget is spent'] },
  'en-think': { en: ['need to think about it', 'let me think'] },
  'ru-price': { ru: ['дорого', 'дороговато', 'слишком дорого', 'цена высокая', 'не по карману'] },
  'ru-email': { ru: ['пришлите на почту', 'скиньте на почту'] },
  'ru-competitor': { ru: ['у конкурентов дешевле', 'у других дешевле', 'нашли дешевле'] },
  'ru-delivery': { ru: ['долгая доставка', 'долго везти'] },
  'ru-dm': { ru: ['не я решаю', 'решение принимает директор'] },
  'ru-supplier': { ru: ['уже есть поставщик'] },
  'ru-time': { ru: ['некогда', 'нет времени'] },
  'ru-think': { ru: ['надо подумать', 'мы подумаем'] },
  'ru-budget': { ru: ['нет бюджета', 'бюджет исчерпан'] },
  'zh-price': { zh: ['太贵', '价格太高', '贵了', '价钱太高'] },
  'zh-email': { zh: ['发邮件', '发个邮件'] },
  'zh-competitor': { zh: ['别家便宜', '别家更便宜', '比你们便宜'] },
  'zh-delivery': { zh: ['交货期太长', '交货太慢'] },
  'zh-dm': { zh: ['说了不算', '我做不了主'] },
};

/** Demo synonym groups (Scripts → Synonyms), applied to every live search. */
export const DEMO_SYNONYMS: string[][] = [
  ['expensive', 'pricey', 'costly', 'overpriced'],
  ['e-mail', 'email', 'mail'],
  ['дорого', 'недешево', 'дорогой'],
  ['почта', 'имейл', 'email'],
  ['贵', '价格高', '太高'],
  ['邮件', '电邮'],
];

export const DEMO_OBJECTIONS: DemoObjection[] = [
  // English
  { ref: 'en-price', language: 'en', objection: 'It is too expensive', tags: ['price'], responses: [
    'I understand. Compared with what — another offer, or the budget you planned? If we look at the cost per year including service, where do we stand?',
    'Our price includes delivery, commissioning and a two-year warranty. If we remove what you do not need, I can show you the basic configuration.',
  ] },
  { ref: 'en-email', language: 'en', objection: 'Just send me an e-mail', tags: ['brush-off', 'email'], responses: [
    'Happy to. So the e-mail actually answers your question: which two points matter most — price, delivery time or service?',
    'I will send it today. Can we book ten minutes on Thursday to go through it together, so you do not have to read it alone?',
  ] },
  { ref: 'en-competitor', language: 'en', objection: 'Your competitor is cheaper', tags: ['competitor', 'price'], responses: [
    'That may well be. Is their offer for the same model, with delivery and commissioning included? Can you share what is in it so we compare like for like?',
    'Customers who switched to us from cheaper suppliers mostly mention downtime: our service engineer is on site within 48 hours.',
  ] },
  { ref: 'en-delivery', language: 'en', objection: 'Delivery takes too long', tags: ['delivery'], responses: [
    'The six-week lead time is for custom configurations. The popular models are in stock in our warehouse and ship within three working days.',
    'If the date is critical, we can deliver a rental unit this week and swap it when yours arrives.',
  ] },
  { ref: 'en-support', language: 'en', objection: 'Your support let us down last time', tags: ['support', 'complaint'], responses: [
    'I am sorry that happened. Tell me what went wrong — I want to understand it, not defend it.',
    'Since then we have a named service manager for each account and a 4-hour response time in the contract. I can put that in writing.',
  ] },
  { ref: 'en-dm', language: 'en', objection: 'I am not the one who decides', tags: ['decision maker'], responses: [
    'Thanks for telling me. Who else is involved, and what will matter most to them?',
    'Would it help if I prepared a one-page comparison you can forward, and joined a short call with them?',
  ] },
  { ref: 'en-supplier', language: 'en', objection: 'We already have a supplier', tags: ['competitor', 'status quo'], responses: [
    'Good — then you know what good service looks like. What would you improve in the current arrangement if you could?',
    'Many of our customers keep two suppliers for critical parts. A second quote keeps everyone sharp.',
  ] },
  { ref: 'en-time', language: 'en', objection: 'I do not have time right now', tags: ['brush-off', 'timing'], responses: [
    'Of course. When is a better time today or tomorrow — I will call exactly then and keep it to five minutes.',
  ] },
  { ref: 'en-budget', language: 'en', objection: 'There is no budget this year', tags: ['price', 'budget'], responses: [
    'Understood. When does planning for next year start? I can send the figures your finance team will ask for.',
    'We also offer payment in three instalments or a service-only contract, which is usually an operating expense.',
  ] },
  { ref: 'en-think', language: 'en', objection: 'We need to think about it', tags: ['stall'], responses: [
    'Of course. What exactly do you want to think over — the price, the timing or the model? Maybe I can answer it now.',
    'Let us agree on a date: I will call on Friday, and by then you will have the comparison table from me.',
  ] },
  { ref: 'en-contract', language: 'en', objection: 'We are locked into a contract until next year', tags: ['competitor', 'timing'], responses: [
    'Thanks. When does it end? Renewal decisions are usually made three months before — I will get in touch then with an offer ready.',
  ] },
  { ref: 'en-quality', language: 'en', objection: 'I heard your pumps break down often', tags: ['quality', 'reputation'], responses: [
    'I would like to know where you heard that. Our failure rate last year was under 1% in the first two years, and I can send you the service statistics.',
    'Would a reference call with a customer in your industry help? They have had twelve of our pumps running for four years.',
  ] },
  // Russian
  { ref: 'ru-price', language: 'ru', objection: 'Это слишком дорого', tags: ['цена'], responses: [
    'Понимаю. Дорого по сравнению с чем — с другим предложением или с бюджетом? Давайте посчитаем стоимость владения за год, с обслуживанием.',
    'В цену уже входят доставка, пусконаладка и два года гарантии. Если что-то из этого вам не нужно, я покажу базовую комплектацию.',
  ] },
  { ref: 'ru-email', language: 'ru', objection: 'Пришлите предложение на почту', tags: ['отговорка', 'e-mail'], responses: [
    'Конечно, пришлю. Чтобы письмо было полезным: что для вас главное — цена, сроки или сервис?',
    'Отправлю сегодня. Давайте договоримся созвониться в четверг на 10 минут и вместе пройтись по предложению?',
  ] },
  { ref: 'ru-competitor', language: 'ru', objection: 'У конкурентов дешевле', tags: ['конкурент', 'цена'], responses: [
    'Вполне возможно. А в их предложение входят доставка и пусконаладка? Давайте сравним одинаковые комплектации.',
    'Клиенты, которые перешли к нам от более дешёвых поставщиков, чаще всего говорят о простоях: наш инженер приезжает в течение 48 часов.',
  ] },
  { ref: 'ru-delivery', language: 'ru', objection: 'Слишком долгая доставка', tags: ['доставка', 'сроки'], responses: [
    'Шесть недель — это срок для нестандартной комплектации. Популярные модели есть на складе, отгрузим за три рабочих дня.',
    'Если сроки критичны, можем на время поставить подменное оборудование и заменить его, когда придёт ваше.',
  ] },
  { ref: 'ru-support', language: 'ru', objection: 'В прошлый раз ваша поддержка нас подвела', tags: ['поддержка', 'жалоба'], responses: [
    'Мне жаль, что так вышло. Расскажите, что именно случилось — я хочу разобраться, а не оправдываться.',
    'С тех пор у каждого клиента есть персональный сервис-менеджер, а время реакции 4 часа прописано в договоре.',
  ] },
  { ref: 'ru-dm', language: 'ru', objection: 'Я не принимаю решение', tags: ['ЛПР'], responses: [
    'Спасибо, что сказали. Кто ещё участвует в решении и что для них важнее всего?',
    'Давайте я подготовлю короткое сравнение на одну страницу, которое вы сможете переслать, и подключусь к звонку с ними?',
  ] },
  { ref: 'ru-supplier', language: 'ru', objection: 'У нас уже есть поставщик', tags: ['конкурент'], responses: [
    'Отлично, значит, вы знаете, каким должен быть хороший сервис. Что бы вы улучшили в работе с текущим поставщиком?',
    'Многие клиенты держат двух поставщиков по критичным запчастям — это страхует от сбоев поставок.',
  ] },
  { ref: 'ru-time', language: 'ru', objection: 'Мне сейчас некогда', tags: ['отговорка'], responses: [
    'Конечно. Когда вам удобнее — сегодня после обеда или завтра утром? Позвоню ровно в это время, займу пять минут.',
  ] },
  { ref: 'ru-think', language: 'ru', objection: 'Нам надо подумать', tags: ['затягивание'], responses: [
    'Конечно. А что именно хотите обдумать — цену, сроки или модель? Возможно, я смогу ответить прямо сейчас.',
    'Давайте договоримся: я позвоню в пятницу, а до этого пришлю сравнительную таблицу.',
  ] },
  { ref: 'ru-budget', language: 'ru', objection: 'Бюджета в этом году нет', tags: ['цена', 'бюджет'], responses: [
    'Понимаю. Когда начинается планирование на следующий год? Пришлю расчёт, который попросит ваш финансовый отдел.',
    'Есть рассрочка на три платежа или только сервисный договор — его обычно проводят как операционные расходы.',
  ] },
  { ref: 'ru-wait', language: 'ru', objection: 'До вас невозможно дозвониться', tags: ['поддержка', 'жалоба'], responses: [
    'Извините, ждать ответа — неприятно. Запишите мой прямой номер, и я лично прослежу, чтобы вам перезванивали в течение часа.',
  ] },
  { ref: 'ru-discount', language: 'ru', objection: 'Дайте скидку, тогда купим', tags: ['цена', 'скидка'], responses: [
    'Скидку я могу обсудить при объёме от трёх единиц или при предоплате. Какой объём вы планируете на год?',
    'Вместо скидки могу предложить расширенную гарантию на третий год — это выгоднее на дистанции.',
  ] },
  { ref: 'ru-bot', language: 'ru', objection: 'Ваш чат-бот ничего не понимает', tags: ['поддержка', 'чат'], responses: [
    'Согласен, бот помогает не всегда. Я на связи лично — давайте решим ваш вопрос прямо сейчас.',
  ] },
  { ref: 'ru-quality', language: 'ru', objection: 'Слышал, что ваши насосы часто ломаются', tags: ['качество'], responses: [
    'Откуда такая информация? По нашей статистике, доля отказов за первые два года меньше 1 % — могу прислать данные сервиса.',
    'Хотите, организую разговор с клиентом из вашей отрасли? У них двенадцать наших насосов работают четвёртый год.',
  ] },
  // Chinese
  { ref: 'zh-price', language: 'zh', objection: '你们的价格太高了', tags: ['价格'], responses: [
    '我理解。您是和哪家的报价比较？我们的价格包含送货、安装调试和两年保修，按年计算总成本其实更低。',
    '如果有些服务您不需要，我可以给您介绍基础配置的价格。',
  ] },
  { ref: 'zh-email', language: 'zh', objection: '你发个邮件给我吧', tags: ['推脱', '邮件'], responses: [
    '好的，我今天就发。为了让邮件更有用，您最关心的是价格、交货期还是售后服务？',
    '发完邮件后，我们约周四花十分钟一起过一遍，可以吗？',
  ] },
  { ref: 'zh-competitor', language: 'zh', objection: '别家比你们便宜', tags: ['竞争对手', '价格'], responses: [
    '有可能。请问他们的报价包含送货和安装吗？我们按同样的配置比较一下。',
    '从便宜供应商转到我们这里的客户，最看重的是停机时间：我们的工程师48小时内到现场。',
  ] },
  { ref: 'zh-delivery', language: 'zh', objection: '交货期太长了', tags: ['交货', '时间'], responses: [
    '六周是定制配置的交货期。常用型号我们有现货，三个工作日内发货。',
    '如果时间很紧，我们可以先提供一台租赁设备，等您的设备到了再更换。',
  ] },
  { ref: 'zh-support', language: 'zh', objection: '上次你们的售后服务让我们很失望', tags: ['售后', '投诉'], responses: [
    '非常抱歉给您带来不好的体验。能说说具体发生了什么吗？我想真正了解情况。',
    '现在每个客户都有专属的服务经理，合同里写明4小时响应。',
  ] },
  { ref: 'zh-dm', language: 'zh', objection: '这个我说了不算', tags: ['决策人'], responses: [
    '谢谢您告诉我。还有哪些人参与决定？他们最关心什么？',
    '我可以准备一页对比资料，方便您转给领导，也可以一起开个短会。',
  ] },
];

export const DEMO_SCRIPTS: DemoScript[] = [
  {
    title: 'Inbound price request',
    language: 'en',
    description: 'A customer calls or writes to ask "how much is it?". Goal: understand the need before naming a price, then agree on the next step.',
    products: ['Pumps'],
    channels: ['phone', 'chat'],
    funnelStages: ['lead', 'qualification'],
    segments: ['new'],
    steps: [
      ['greet', 'opening', 'Greeting', 'Thank the customer for calling and **introduce yourself**.\n\n- Say your name and the company\n- Ask how to address them', 'Good morning, this is {name} from Northflow Pumps — thanks for calling. How may I address you?', 'Their name, company and whether they sound in a hurry', ['Your name and company', 'Ask for their name'], []],
      ['need', 'discovery', 'Understand the need', 'Do **not** name a price yet. Ask:\n\n1. What is the pump for (water supply, heating, process)?\n2. Flow and head, or the model they use now\n3. When do they need it installed?', 'So I can give you an exact price, may I ask two or three questions about where the pump will work?', 'Words like "urgent", "broke down", "replacing" — an urgent replacement changes the offer', ['Application', 'Required date'],
        [['Answers the questions', 'step:offer'], ['"Just tell me the price"', 'step:range'], ['"It is too expensive anyway"', 'obj:en-price']]],
      ['range', 'presentation', 'Give a price range', 'Give a **range**, not one figure, and explain what moves it: model, installation, warranty.\n\n> Prices start at 1,850 € for the basic model; a typical installation with commissioning is 2,400–3,100 €.', 'It depends on the model: from 1,850 euros for the basic one; most customers like you pay 2,400 to 3,100 with installation.', 'Their reaction to the figure', ['Price range', 'What is included'],
        [['OK, tell me more', 'step:offer'], ['Too expensive', 'obj:en-price'], ['Competitor is cheaper', 'obj:en-competitor']]],
      ['offer', 'presentation', 'Present the matching offer', 'Link each feature to what they told you:\n\n- **Energy class IE4**: lower running costs\n- **Two-year warranty** and service within 48 hours\n- In stock: ships in 3 working days', 'Based on what you said, the NF-40 fits: it covers your flow with a margin and uses about 20% less power than older models.', 'Questions about delivery, warranty, payment terms', ['Model name', 'Warranty', 'Delivery time'],
        [['Sounds good', 'step:close'], ['Send me an e-mail', 'obj:en-email'], ['Delivery is too slow', 'obj:en-delivery'], ['I need to ask my boss', 'obj:en-dm']]],
      ['close', 'closing', 'Agree on the next step', 'Propose **one concrete next step**: a written offer with a date, a site visit or an order.', 'Shall I prepare the offer for the NF-40 with installation today, and we confirm the order on Thursday?', 'A clear yes/no, a date', ['Next step with a date'], [['Agrees', 'step:follow'], ['Needs to think', 'obj:en-think']]],
      ['follow', 'follow_up', 'Wrap up', 'Repeat what was agreed, confirm the contact details and thank them.', 'To confirm: I send the offer today by 5 pm to your e-mail and call you on Thursday at 10. Thank you!', '', ['Summary of what was agreed', 'Contact details confirmed'], []],
    ],
  },
  {
    title: 'Renewal call: service contract',
    language: 'en',
    description: 'Two months before a service contract ends. Goal: renew, ideally with an upgrade; hear complaints first.',
    products: ['Service contract'],
    channels: ['phone'],
    funnelStages: ['negotiation'],
    segments: ['long_standing'],
    steps: [
      ['open', 'opening', 'Open and set the agenda', 'Remind them who you are and **why you call now**: the contract ends on the date in the CRM.', 'Hello {customer}, it is {name} from Northflow. Your service contract ends on the 31st, so I would like to hear how the year went.', 'Tone: satisfied or irritated?', ['Reason for the call', 'Contract end date'], []],
      ['review', 'discovery', 'Review the year', 'Ask about **every service visit** in the history. Listen fully before answering — the customer must be heard.', 'How did the service visits work for you this year? Anything that annoyed you?', 'Waiting times, rude or incompetent engineers, no estimate of arrival', ['Ask about service quality'],
        [['All good', 'step:upgrade'], ['Support let us down', 'obj:en-support'], ['We found a cheaper supplier', 'obj:en-competitor']]],
      ['upgrade', 'presentation', 'Offer the right contract level', 'If they had downtime, offer **Premium** (4-hour response). Otherwise renew **Standard** with the loyalty price.', 'Since you had two urgent calls this year, Premium would have saved you about a day of downtime each time.', 'Number of urgent calls, critical equipment', ['Loyalty price'],
        [['Renew as is', 'step:confirm'], ['Interested in Premium', 'step:confirm'], ['No budget', 'obj:en-budget'], ['Locked in elsewhere', 'obj:en-contract']]],
      ['confirm', 'closing', 'Confirm the renewal', 'Confirm level, price and start date; say when the contract arrives for signature.', 'I will send the renewal for signature today; it starts on the 1st with no gap in coverage.', '', ['Level and price', 'Start date'], []],
      ['after', 'follow_up', 'After the call', 'Log the outcome and any complaint in the CRM; schedule a check-in after the first service visit.', '', '', [], []],
    ],
  },
  {
    title: 'Outbound call to a new lead (website form)',
    language: 'en',
    description: 'Calling back a lead that filled in the website form. Goal: qualify and book a meeting.',
    products: ['Pumps', 'Spare parts'],
    channels: ['phone', 'email'],
    funnelStages: ['lead'],
    segments: ['new'],
    steps: [
      ['hello', 'opening', 'Reference the form', 'Mention **their** request first — they asked for this call.', 'Hi, this is {name} from Northflow — you asked on our website about heating pumps for a new building. Is now a good moment?', 'Whether now is a good time', ['Reason for the call'], [['Yes, go ahead', 'step:qualify'], ['No time now', 'obj:en-time']]],
      ['qualify', 'discovery', 'Qualify', 'Budget, authority, need, timing:\n\n- Size of the project\n- Who decides\n- Deadline', 'Who else is involved in choosing the equipment, and when does the building need to be ready?', 'Names of other decision makers', ['Decision maker', 'Deadline'], [['They decide', 'step:meet'], ['Not the decision maker', 'obj:en-dm'], ['Already have a supplier', 'obj:en-supplier']]],
      ['meet', 'closing', 'Book the meeting', 'Offer two concrete slots; send the calendar invitation during the call.', 'Would Tuesday at 11 or Wednesday at 3 work for a 30-minute meeting with your engineer?', '', ['Two time slots'], [['Books a slot', null], ['Send me an e-mail first', 'obj:en-email']]],
    ],
  },
  {
    title: 'Входящий звонок: запрос цены',
    language: 'ru',
    description: 'Клиент звонит и спрашивает «сколько стоит». Цель — понять задачу до того, как назвать цену, и договориться о следующем шаге.',
    products: ['Насосы'],
    channels: ['phone'],
    funnelStages: ['lead', 'qualification'],
    segments: ['new'],
    steps: [
      ['hello', 'opening', 'Приветствие', 'Поблагодарите за звонок и **представьтесь**.\n\n- Имя и компания\n- Спросите, как обращаться к клиенту', 'Добрый день, компания «Нордфлоу», меня зовут {имя}. Спасибо за звонок! Как я могу к вам обращаться?', 'Имя, компания, спешит ли клиент', ['Имя и компания', 'Спросить имя клиента'], []],
      ['need', 'discovery', 'Выяснение потребности', 'Не называйте цену сразу. Спросите:\n\n1. Для чего насос — водоснабжение, отопление, производство?\n2. Расход и напор или модель, которая стоит сейчас\n3. Когда нужен монтаж?', 'Чтобы назвать точную цену, позвольте задать два-три вопроса о том, где будет работать насос.', 'Слова «срочно», «сломался», «замена» — срочная замена меняет предложение', ['Назначение', 'Срок'],
        [['Отвечает на вопросы', 'step:offer'], ['«Просто скажите цену»', 'step:range'], ['«Дорого»', 'obj:ru-price']]],
      ['range', 'presentation', 'Назовите вилку цен', 'Назовите **диапазон**, а не одну цифру, и объясните, от чего он зависит: модель, монтаж, гарантия.', 'Зависит от модели: от 180 тысяч рублей за базовую; с монтажом большинство клиентов платят от 240 до 310 тысяч.', 'Реакция на цифру', ['Диапазон цены', 'Что входит в цену'],
        [['Хорошо, расскажите подробнее', 'step:offer'], ['Дорого', 'obj:ru-price'], ['У конкурентов дешевле', 'obj:ru-competitor'], ['Дайте скидку', 'obj:ru-discount']]],
      ['offer', 'presentation', 'Предложение', 'Свяжите каждое свойство с тем, что сказал клиент:\n\n- **Класс энергоэффективности IE4** — меньше расходы на электричество\n- **Гарантия два года**, сервис в течение 48 часов\n- Есть на складе — отгрузка за 3 рабочих дня', 'Под ваш расход подходит NF-40: с запасом по напору и примерно на 20 % экономичнее старых моделей.', 'Вопросы о сроках, гарантии, оплате', ['Модель', 'Гарантия', 'Срок поставки'],
        [['Подходит', 'step:close'], ['Пришлите на почту', 'obj:ru-email'], ['Долго везти', 'obj:ru-delivery'], ['Решаю не я', 'obj:ru-dm']]],
      ['close', 'closing', 'Следующий шаг', 'Предложите **один конкретный шаг**: КП с датой, выезд инженера или заказ.', 'Давайте я сегодня подготовлю КП на NF-40 с монтажом, а в четверг подтвердим заказ?', 'Чёткое «да/нет», дата', ['Следующий шаг с датой'], [['Согласен', 'step:bye'], ['Надо подумать', 'obj:ru-think']]],
      ['bye', 'follow_up', 'Завершение', 'Повторите договорённости, уточните контакты, поблагодарите.', 'Итак: КП пришлю сегодня до 17:00, позвоню в четверг в 10:00. Спасибо!', '', ['Резюме договорённостей', 'Контакты подтверждены'], []],
    ],
  },
  {
    title: 'Жалоба на сервис: удержание клиента',
    language: 'ru',
    description: 'Постоянный клиент недоволен поддержкой (долго ждал, не дозвонился, инженер не решил проблему). Цель — выслушать, решить и сохранить клиента.',
    products: ['Сервисный договор'],
    channels: ['phone', 'messenger'],
    funnelStages: ['closing'],
    segments: ['long_standing', 'active'],
    steps: [
      ['listen', 'opening', 'Выслушать', 'Клиента нужно **услышать и выслушать**. Не перебивайте, не оправдывайтесь, записывайте факты: даты, номера заявок, имена.', 'Расскажите, пожалуйста, что произошло — я записываю и разберусь.', 'Что именно раздражает: ожидание, грубость, некомпетентность, бот', ['Извиниться', 'Записать номер заявки'],
        [['Долго не могли дозвониться', 'obj:ru-wait'], ['Инженер не решил проблему', 'step:fix'], ['Бот ничего не понимает', 'obj:ru-bot'], ['Хотим уйти к другому поставщику', 'step:retain']]],
      ['fix', 'discovery', 'Решение проблемы', 'Назовите **конкретный срок**: когда приедет инженер, кто он, как с ним связаться. Никаких «постараемся».', 'Инженер Сергей Попов будет у вас завтра до 12:00, вот его прямой номер.', 'Устраивает ли срок', ['Срок', 'Имя ответственного'], [['Устраивает', 'step:comp'], ['Слишком поздно', 'step:retain']]],
      ['retain', 'objection_handling', 'Удержание', 'Предложите компенсацию и изменение условий: **персональный сервис-менеджер**, время реакции 4 часа в договоре.', 'Я понимаю, почему вы думаете о смене поставщика. Давайте я закреплю за вами персонального менеджера и пропишу 4 часа реакции в договоре.', 'Готов ли клиент дать второй шанс', ['Персональный менеджер', 'Время реакции в договоре'],
        [['Готов попробовать', 'step:comp'], ['У конкурентов дешевле', 'obj:ru-competitor'], ['Поддержка подвела не первый раз', 'obj:ru-support']]],
      ['comp', 'closing', 'Компенсация и фиксация', 'Зафиксируйте договорённость письменно и предложите компенсацию (бесплатное ТО или месяц сервиса).', 'В качестве извинения следующее ТО проведём бесплатно. Письмо с договорённостями пришлю через час.', '', ['Компенсация', 'Письмо с итогами'], []],
      ['check', 'follow_up', 'Контроль', 'Через неделю позвоните и спросите, всё ли работает. Попросите оценить работу сервиса по шкале от 1 до 10.', 'Добрый день! Звоню узнать, всё ли в порядке после визита инженера. Оцените, пожалуйста, нашу работу от 1 до 10.', 'Оценка и комментарий', ['Попросить оценку'], []],
    ],
  },
  {
    title: 'Холодный звонок: выход на ЛПР',
    language: 'ru',
    description: 'Звонок в новую компанию. Цель — пройти секретаря, выйти на лицо, принимающее решение, и договориться о встрече.',
    products: ['Насосы', 'Запчасти'],
    channels: ['phone'],
    funnelStages: ['lead'],
    segments: ['new'],
    steps: [
      ['sec', 'opening', 'Секретарь', 'Коротко и уверенно: кто вы и **с кем** хотите поговорить. Спросите имя главного инженера или начальника снабжения.', 'Добрый день, «Нордфлоу», Иван. Подскажите, кто у вас отвечает за насосное оборудование — главный инженер?', 'Имя и должность', ['Имя ЛПР'], [['Соединяет', 'step:dm'], ['Пришлите на почту', 'obj:ru-email'], ['Некогда', 'obj:ru-time']]],
      ['dm', 'discovery', 'Разговор с ЛПР', 'Задайте **один открытый вопрос** о текущей ситуации: что стоит сейчас, как часто ломается, кто обслуживает.', 'Какое оборудование у вас сейчас стоит и кто его обслуживает?', 'Проблемы с простоями, недовольство сервисом', ['Вопрос о текущем поставщике'],
        [['Есть проблемы', 'step:meet'], ['У нас уже есть поставщик', 'obj:ru-supplier'], ['Я не принимаю решение', 'obj:ru-dm'], ['Ваши насосы ломаются', 'obj:ru-quality']]],
      ['meet', 'closing', 'Встреча', 'Предложите аудит насосной бесплатно и два варианта времени.', 'Давайте наш инженер бесплатно посмотрит вашу насосную — во вторник в 11 или в среду в 15?', '', ['Два варианта времени'], [['Согласен', null], ['Надо подумать', 'obj:ru-think']]],
    ],
  },
  {
    title: 'Продление договора и допродажа запчастей',
    language: 'ru',
    description: 'Активный клиент, договор на поставку запчастей заканчивается. Цель — продлить и предложить складской комплект.',
    products: ['Запчасти', 'Сервисный договор'],
    channels: ['phone', 'email'],
    funnelStages: ['negotiation', 'closing'],
    segments: ['active'],
    steps: [
      ['open', 'opening', 'Повод для звонка', 'Напомните о сроке договора и спросите, как прошёл год.', 'Добрый день! Договор на запчасти заканчивается 31-го — хотел узнать, как вам работалось с нами.', 'Удовлетворённость', ['Дата окончания договора'], []],
      ['usage', 'discovery', 'Потребление запчастей', 'Посмотрите историю заказов в CRM: какие позиции заказывали **срочно**. Это аргумент для складского комплекта.', 'Я вижу, что уплотнения вы заказывали срочно три раза. Может быть, держать комплект у вас на складе?', 'Срочные заказы, простои', ['История срочных заказов'], [['Интересно', 'step:kit'], ['Дорого', 'obj:ru-price'], ['Бюджета нет', 'obj:ru-budget']]],
      ['kit', 'presentation', 'Складской комплект', 'Комплект на год: уплотнения, подшипники, рабочие колёса. **Цена фиксирована** на весь год, доставка бесплатно.', 'Комплект на год обойдётся в 96 тысяч, цена фиксируется на год, доставка бесплатно.', '', ['Фиксированная цена'], [['Берём', 'step:sign'], ['Дайте скидку', 'obj:ru-discount']]],
      ['sign', 'closing', 'Подписание', 'Отправьте допсоглашение и счёт, назовите срок поставки комплекта.', 'Сегодня пришлю допсоглашение и счёт, комплект привезём в течение недели после оплаты.', '', ['Срок поставки'], []],
    ],
  },
  {
    title: '价格咨询来电',
    language: 'zh',
    description: '客户来电询问价格。目标：先了解需求，再报价，并约定下一步。',
    products: ['水泵'],
    channels: ['phone', 'messenger'],
    funnelStages: ['lead', 'qualification'],
    segments: ['new'],
    steps: [
      ['hi', 'opening', '问候', '感谢客户来电，**介绍自己**和公司。', '您好，这里是北流水泵，我是{姓名}。感谢您的来电，请问怎么称呼您？', '客户姓名、公司、是否着急', ['自我介绍', '询问客户姓名'], []],
      ['need', 'discovery', '了解需求', '先不要报价。请询问：\n\n1. 水泵用于供水、供暖还是生产？\n2. 流量和扬程，或现在使用的型号\n3. 什么时候需要安装？', '为了给您准确的报价，我想先了解一下水泵的使用场景。', '“着急”、“坏了”、“更换”等关键词', ['用途', '交货时间'],
        [['回答问题', 'step:offer'], ['价格太高', 'obj:zh-price'], ['别家更便宜', 'obj:zh-competitor']]],
      ['offer', 'presentation', '介绍方案', '把产品特点和客户需求联系起来：\n\n- **IE4能效**：运行成本更低\n- **两年保修**，48小时上门服务\n- 现货，三个工作日发货', '根据您的情况，NF-40型号最合适，比老型号节能约20%。', '关于交货、保修、付款的问题', ['型号', '保修', '交货时间'],
        [['可以', 'step:close'], ['发个邮件吧', 'obj:zh-email'], ['交货期太长', 'obj:zh-delivery'], ['我说了不算', 'obj:zh-dm']]],
      ['close', 'closing', '约定下一步', '提出**一个具体的下一步**：报价单、现场勘查或下单。', '我今天把报价单发给您，周四我们确认订单，好吗？', '明确的答复和日期', ['下一步和日期'], [['同意', 'step:end'], ['上次售后不好', 'obj:zh-support']]],
      ['end', 'follow_up', '结束通话', '复述约定的内容，确认联系方式，感谢客户。', '确认一下：今天下午五点前发报价单，周四上午十点给您回电。谢谢！', '', ['复述约定', '确认联系方式'], []],
    ],
  },
];

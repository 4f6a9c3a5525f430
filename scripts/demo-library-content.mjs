// Content of the demo library's documents (en/ru/zh), for scripts/make-demo-library.mjs.
// The demo company, Altair Systems, sells "Contact Center Cloud", "CRM Connector" and "Speech Analytics".
// Each doc: { file, title, lang, meta, sections: [{ h, p: [..] , rows?: [[..]] }] }.
// meta: description, tags, stage, channel, product, audience, validDays (from now; negative = expired), verifyEvery, verifiedDaysAgo, owner (index into managers+trainers)

export const DOCS = [
  {
    file: 'price-list-2026-ru.pdf', title: 'Прайс-лист 2026: Облачный контакт-центр', lang: 'ru',
    meta: { description: 'Актуальные цены на тарифы «Старт», «Бизнес» и «Корпоративный», скидки за объём и годовую оплату.', tags: ['цены', 'тарифы', 'скидки'], stage: 'proposal', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'SMB', validDays: 200, verifyEvery: 90, verifiedDaysAgo: 20, owner: 0 },
    sections: [
      { h: 'Тарифы на 2026 год', p: ['Все цены указаны за одно рабочее место оператора в месяц, без НДС. Минимальный срок договора — три месяца.'], rows: [['Тариф', 'Цена, ₽/мес', 'Что входит'], ['Старт', '1 490', 'Телефония, очередь звонков, запись разговоров 30 дней'], ['Бизнес', '2 390', 'Всё из «Старт», чат и мессенджеры, отчёты по операторам, интеграция с CRM'], ['Корпоративный', '3 900', 'Всё из «Бизнес», речевая аналитика, SLA 99,95 %, выделенный менеджер']] },
      { h: 'Скидки', p: ['Скидка за объём от 50 операторов составляет 12 %, от 200 операторов — 18 %. При оплате за год вперёд действует дополнительная скидка 10 %, которая суммируется со скидкой за объём.', 'Пилотный проект на 14 дней для 10 операторов предоставляется бесплатно. Перенос номеров и настройка сценариев IVR входят в стоимость тарифов «Бизнес» и «Корпоративный».'] },
      { h: 'Условия оплаты', p: ['Оплата ежемесячно по счёту или ежегодно с предоплатой. Цены фиксируются на срок действия договора, но не дольше 12 месяцев.'] },
    ],
  },
  {
    file: 'price-list-2026-en.pdf', title: 'Price list 2026: Contact Center Cloud', lang: 'en',
    meta: { description: 'List prices per agent seat for Start, Business and Enterprise plans; volume and annual-prepay discounts.', tags: ['pricing', 'plans', 'discounts'], stage: 'proposal', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'Mid-market', validDays: 200, verifyEvery: 90, verifiedDaysAgo: 10, owner: 0 },
    sections: [
      { h: 'Plans for 2026', p: ['All prices are per agent seat per month, excluding VAT. The minimum contract term is three months.'], rows: [['Plan', 'Price, EUR/month', 'Included'], ['Start', '19', 'Telephony, call queues, call recording for 30 days'], ['Business', '29', 'Everything in Start, chat and messengers, agent reports, CRM integration'], ['Enterprise', '47', 'Everything in Business, speech analytics, 99.95% SLA, dedicated success manager']] },
      { h: 'Discounts', p: ['Volume discount: 12% from 50 seats, 18% from 200 seats. Paying a year in advance adds another 10%, combinable with the volume discount.', 'A 14-day pilot for up to 10 agents is free of charge. Number porting and IVR setup are included in Business and Enterprise.'] },
    ],
  },
  {
    file: 'price-list-2025-ru.pdf', title: 'Прайс-лист 2025 (архив)', lang: 'ru',
    meta: { description: 'Цены прошлого года. Не отправлять клиентам: действуют цены 2026 года.', tags: ['цены', 'архив'], stage: 'proposal', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'SMB', validDays: -330, verifyEvery: null, owner: 0 },
    sections: [
      { h: 'Тарифы на 2025 год', p: ['Цены указаны за рабочее место оператора в месяц, без НДС.'], rows: [['Тариф', 'Цена, ₽/мес'], ['Старт', '1 290'], ['Бизнес', '2 090'], ['Корпоративный', '3 500']] },
      { h: 'Скидки', p: ['Скидка за объём от 50 операторов — 10 %. Годовая предоплата — минус 8 %.'] },
    ],
  },
  {
    file: 'one-pager-contact-center-en.pdf', title: 'Contact Center Cloud — product one-pager', lang: 'en',
    meta: { description: 'One page for a first meeting: what the product does, for whom, three proof points.', tags: ['one-pager', 'overview'], stage: 'discovery', channel: 'meeting', product: 'Contact Center Cloud', audience: 'All segments', validDays: 365, verifyEvery: 180, verifiedDaysAgo: 40, owner: 1 },
    sections: [
      { h: 'Every customer heard, every call counted', p: ['Contact Center Cloud puts phone, website chat, messengers and e-mail into one queue, so no customer waits without an estimate and no request is lost between channels.', 'Supervisors see live queues, waiting times and each agent\'s load; quality managers score recorded calls against the company\'s own checklist.'] },
      { h: 'Why teams switch', p: ['Average waiting time falls by 35% in the first two months because calls are routed by skill and callbacks are offered automatically.', 'Customer data is shared with the CRM, so the agent sees the last order and open tickets before saying hello.', 'Go live in two weeks: number porting, IVR and CRM integration are done by our onboarding team.'] },
    ],
  },
  {
    file: 'one-pager-contact-center-zh.pdf', title: '云呼叫中心产品简介', lang: 'zh',
    meta: { description: '首次会面使用的一页纸介绍：产品功能、适用客户、三个关键数据。', tags: ['产品简介', '概览'], stage: 'discovery', channel: 'meeting', product: 'Contact Center Cloud', audience: 'All segments', validDays: 365, verifyEvery: 180, verifiedDaysAgo: 200, owner: 1 },
    sections: [
      { h: '倾听每一位客户', p: ['云呼叫中心将电话、网站在线聊天、即时通讯和电子邮件整合到同一个队列中，客户不再无望地等待，任何渠道的请求都不会遗漏。', '主管可以实时查看排队情况、等待时间和每位坐席的工作量；质检经理按照公司自己的标准为通话录音打分。'] },
      { h: '为什么客户选择我们', p: ['按技能路由和自动回拨使平均等待时间在头两个月内下降35%。', '客户数据与CRM系统同步，坐席在接听前就能看到最近的订单和未结工单。', '两周即可上线：号码迁移、语音导航和CRM集成由我们的实施团队完成。'] },
    ],
  },
  {
    file: 'case-study-retail-ru.pdf', title: 'Кейс: сеть магазинов «Вектор» сократила ожидание на линии вдвое', lang: 'ru',
    meta: { description: 'Розничная сеть, 120 операторов: переход с офисной АТС, результаты за 6 месяцев.', tags: ['кейс', 'ритейл', 'результаты'], stage: 'presentation', channel: 'meeting', product: 'Contact Center Cloud', audience: 'Retail', validDays: 500, verifyEvery: 365, verifiedDaysAgo: 100, owner: 1 },
    sections: [
      { h: 'Задача', p: ['Сеть «Вектор» из 85 магазинов принимала звонки на офисную АТС. В часы пик клиенты ждали ответа до семи минут, а треть обращений из мессенджеров оставалась без ответа.'] },
      { h: 'Решение', p: ['За три недели подключили 120 операторов, объединили звонки, чат на сайте и мессенджеры в одну очередь, настроили обратный звонок и интеграцию с CRM.'] },
      { h: 'Результат через шесть месяцев', p: ['Среднее время ожидания сократилось с 4 минут 10 секунд до 1 минуты 50 секунд. Доля пропущенных обращений упала с 18 % до 3 %. Оценка качества обслуживания клиентами выросла с 3,9 до 4,6 балла.', '«Клиента нужно услышать и прежде всего выслушать — теперь у операторов есть на это время», — руководитель службы заботы о клиентах.'] },
    ],
  },
  {
    file: 'case-study-logistics-en.pdf', title: 'Case study: NordFreight cut missed calls from 21% to 4%', lang: 'en',
    meta: { description: 'Logistics company, 60 agents in three countries; speech analytics found the top reasons for repeat calls.', tags: ['case study', 'logistics', 'speech analytics'], stage: 'presentation', channel: 'meeting', product: 'Speech Analytics', audience: 'Enterprise', validDays: 400, verifyEvery: 365, verifiedDaysAgo: 30, owner: 2 },
    sections: [
      { h: 'Challenge', p: ['NordFreight answered shipment questions from three offices with separate phone systems. One call in five was missed, and nobody knew why customers called back.'] },
      { h: 'What we did', p: ['One cloud queue for all three offices, routing by language, and speech analytics on every recorded call. The analytics grouped calls by topic and flagged calls where customers repeated the same question.'] },
      { h: 'Results', p: ['Missed calls fell from 21% to 4% within a quarter. Repeat calls about delivery dates dropped by 28% after the team added proactive SMS updates. First-call resolution rose from 64% to 79%.'] },
    ],
  },
  {
    file: 'case-study-bank-zh.pdf', title: '案例：某城市商业银行客服中心升级', lang: 'zh',
    meta: { description: '银行客服中心200名坐席，通话质检覆盖率从5%提升到100%。', tags: ['案例', '金融', '质检'], stage: 'presentation', channel: 'meeting', product: 'Speech Analytics', audience: 'Enterprise', validDays: 300, verifyEvery: 180, verifiedDaysAgo: 190, owner: 2 },
    sections: [
      { h: '挑战', p: ['该银行客服中心有200名坐席，过去只能人工抽检5%的通话，客户投诉的主要原因是等待时间长和坐席不够专业。'] },
      { h: '方案', p: ['部署语音分析，对全部通话自动转写和打分，质检规则来自银行自己的服务标准；主管每周根据评分结果组织培训。'] },
      { h: '成果', p: ['质检覆盖率从5%提升到100%，客户满意度提高12个百分点，新坐席的培训周期从六周缩短到四周。'] },
    ],
  },
  {
    file: 'competitor-comparison-ru.pdf', title: 'Сравнение с конкурентами: облачные контакт-центры', lang: 'ru',
    meta: { description: 'Мы против двух основных конкурентов: функции, цены, внедрение. Только для внутреннего использования.', tags: ['конкуренты', 'сравнение', 'внутреннее'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'Mid-market', validDays: 90, verifyEvery: 60, verifiedDaysAgo: 75, owner: 0 },
    sections: [
      { h: 'Ключевые отличия', p: ['Мы единственные включаем речевую аналитику в корпоративный тариф без доплаты. У конкурента А речевая аналитика стоит от 900 ₽ за оператора в месяц.', 'Внедрение у нас занимает две недели, у конкурента Б — от шести недель, потому что интеграция с CRM делается силами партнёра.'], rows: [['Критерий', 'Altair', 'Конкурент А', 'Конкурент Б'], ['Цена «Бизнес», ₽', '2 390', '2 150', '2 700'], ['Речевая аналитика', 'включена', '+900 ₽', 'нет'], ['Срок внедрения', '2 недели', '4 недели', '6+ недель'], ['SLA', '99,95 %', '99,9 %', '99,5 %']] },
      { h: 'Как отвечать на «у конкурента дешевле»', p: ['Сравните полную стоимость владения за год: доплата за аналитику и внедрение у конкурента А съедает разницу в цене уже на 30 операторах.'] },
    ],
  },
  {
    file: 'competitor-comparison-en.pdf', title: 'Competitor comparison: cloud contact centers', lang: 'en',
    meta: { description: 'Us vs. the two main competitors: features, price, rollout time. Internal use only.', tags: ['competitors', 'comparison', 'internal'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'Mid-market', validDays: 90, verifyEvery: 60, verifiedDaysAgo: 10, owner: 0 },
    sections: [
      { h: 'Key differences', p: ['We are the only vendor that includes speech analytics in the Enterprise plan at no extra cost. Competitor A charges from EUR 11 per agent per month for it.', 'Our rollout takes two weeks; Competitor B needs six weeks or more because a partner builds the CRM integration.'], rows: [['Criterion', 'Altair', 'Competitor A', 'Competitor B'], ['Business plan, EUR', '29', '26', '33'], ['Speech analytics', 'included', '+11 EUR', 'none'], ['Rollout time', '2 weeks', '4 weeks', '6+ weeks'], ['SLA', '99.95%', '99.9%', '99.5%']] },
      { h: 'Answering "the competitor is cheaper"', p: ['Compare the total cost of ownership over a year: Competitor A\'s analytics add-on and rollout fees eat the price difference from 30 agents upwards.'] },
    ],
  },
  {
    file: 'security-overview-en.pdf', title: 'Security and compliance overview', lang: 'en',
    meta: { description: 'Data centres, encryption, access control, certifications; answers to the usual security questionnaire.', tags: ['security', 'compliance', 'IT'], stage: 'negotiation', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'Enterprise', validDays: -20, verifyEvery: 180, verifiedDaysAgo: 400, owner: 3 },
    sections: [
      { h: 'Where data lives', p: ['Customer data and call recordings are stored in two data centres in the EU with synchronous replication. Recordings are encrypted at rest with AES-256 and in transit with TLS 1.2 or later.'] },
      { h: 'Access', p: ['Single sign-on with SAML 2.0, role-based access, and an audit log of every playback of a recording. Support engineers access customer data only with a time-limited ticket.'] },
    ],
  },
  {
    file: 'objection-handling-guide-ru.docx', title: 'Руководство по работе с возражениями', lang: 'ru',
    meta: { description: 'Топ-10 возражений на этапе переговоров и проверенные ответы; как слушать и уточнять.', tags: ['возражения', 'переговоры', 'обучение'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: 365, verifyEvery: 120, verifiedDaysAgo: 30, owner: 4 },
    sections: [
      { h: 'Принцип: сначала выслушать', p: ['Возражение — это вопрос, на который клиент ещё не получил ответа. Не перебивайте, повторите возражение своими словами и уточните, что стоит за ним.'] },
      { h: '«Это дорого»', p: ['Уточните, с чем клиент сравнивает. Покажите стоимость одного потерянного обращения: если в час пик теряется 15 % звонков, окупаемость тарифа «Бизнес» наступает в первый месяц.'] },
      { h: '«Нам и так нормально»', p: ['Спросите, сколько клиентов сейчас ждут ответа дольше двух минут и как это измеряется. Предложите бесплатный пилот на 14 дней, чтобы сравнить цифры.'] },
      { h: '«Мы уже работаем с другим поставщиком»', p: ['Не критикуйте конкурента. Спросите, что клиенту нравится в текущем решении и чего не хватает. Используйте сравнение с конкурентами из библиотеки.'] },
    ],
  },
  {
    file: 'objection-handling-guide-en.docx', title: 'Objection handling guide', lang: 'en',
    meta: { description: 'Top ten objections at the negotiation stage with proven answers; how to listen and ask back.', tags: ['objections', 'negotiation', 'training'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: 365, verifyEvery: 120, verifiedDaysAgo: 130, owner: 4 },
    sections: [
      { h: 'Principle: listen first', p: ['An objection is a question the customer has not had answered yet. Do not interrupt; repeat the objection in your own words and ask what is behind it.'] },
      { h: '"It is too expensive"', p: ['Ask what the customer compares it with. Show the cost of one lost request: if 15% of calls are lost at peak hours, the Business plan pays for itself in the first month.'] },
      { h: '"We are fine as we are"', p: ['Ask how many customers wait longer than two minutes today and how that is measured. Offer the free 14-day pilot to compare the numbers.'] },
    ],
  },
  {
    file: 'discovery-questions-en.docx', title: 'Discovery call question bank', lang: 'en',
    meta: { description: 'Open questions for the discovery stage, grouped by channel, volume, quality and decision process.', tags: ['discovery', 'questions'], stage: 'discovery', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: 180, verifiedDaysAgo: 20, owner: 4 },
    sections: [
      { h: 'Channels and volume', p: ['Which channels do customers use to reach you today: phone, website chat, messengers, e-mail? How many requests per day, and how does that change at peak hours?'] },
      { h: 'Quality', p: ['How do you measure waiting time and missed calls today? Who listens to recorded calls, and how many per week?'] },
      { h: 'Decision', p: ['Who else will take part in the decision? What would make this project a success in six months?'] },
    ],
  },
  {
    file: 'commercial-proposal-template-ru.docx', title: 'Шаблон коммерческого предложения', lang: 'ru',
    meta: { description: 'Шаблон КП с разделами: задача клиента, решение, стоимость, сроки внедрения.', tags: ['КП', 'шаблон'], stage: 'proposal', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'SMB', validDays: 240, verifyEvery: 90, verifiedDaysAgo: 100, owner: 0 },
    sections: [
      { h: 'Задача клиента', p: ['Опишите задачу словами клиента: сколько обращений, какие каналы, что не устраивает сейчас.'] },
      { h: 'Предлагаемое решение', p: ['Тариф, количество операторов, интеграции. Укажите, какие показатели изменятся и как мы это измерим.'] },
      { h: 'Стоимость и сроки', p: ['Стоимость по прайс-листу 2026 года с учётом скидки за объём. Срок внедрения — две недели с даты подписания договора.'] },
    ],
  },
  {
    file: 'onboarding-plan-zh.docx', title: '客户上线计划（两周）', lang: 'zh',
    meta: { description: '签约后两周上线的标准步骤和双方责任。', tags: ['上线', '实施'], stage: 'onboarding', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'All segments', validDays: 365, verifyEvery: 180, verifiedDaysAgo: 60, owner: 3 },
    sections: [
      { h: '第一周', p: ['第一天：项目启动会，确认坐席人数、号码和工作时间。第三天：完成号码迁移申请和语音导航脚本。第五天：完成CRM集成测试。'] },
      { h: '第二周', p: ['第八天：坐席培训，每组两小时。第十天：试运行，主管检查排队和录音。第十四天：正式上线并召开总结会。'] },
    ],
  },
  {
    file: 'product-overview-deck-en.pptx', title: 'Product overview deck: Contact Center Cloud', lang: 'en',
    meta: { description: 'Eight slides for the first presentation; speaker notes included.', tags: ['deck', 'presentation', 'overview'], stage: 'demo', channel: 'meeting', product: 'Contact Center Cloud', audience: 'All segments', validDays: 300, verifyEvery: 90, verifiedDaysAgo: 95, owner: 1 },
    slides: [
      ['Contact Center Cloud', 'Every customer heard, every call counted'],
      ['The problem', 'Customers hate long waits with no estimate, bots that do not understand, and being passed between channels.'],
      ['One queue for every channel', 'Phone, website chat, messengers and e-mail in one queue with skill-based routing and automatic callbacks.'],
      ['Quality you can measure', 'Score recorded calls against your own checklist; speech analytics finds the reasons for repeat calls.'],
      ['Proof', 'Vector retail chain: waiting time down from 4:10 to 1:50. NordFreight: missed calls down from 21% to 4%.'],
      ['Go live in two weeks', 'Number porting, IVR and CRM integration done by our onboarding team.'],
    ],
  },
  {
    file: 'product-overview-deck-ru.pptx', title: 'Презентация: Облачный контакт-центр', lang: 'ru',
    meta: { description: 'Презентация для первой встречи, 6 слайдов с заметками докладчика.', tags: ['презентация', 'обзор'], stage: 'demo', channel: 'meeting', product: 'Contact Center Cloud', audience: 'All segments', validDays: 300, verifyEvery: 90, verifiedDaysAgo: 15, owner: 1 },
    slides: [
      ['Облачный контакт-центр', 'Каждого клиента услышат, каждый звонок учтён'],
      ['Проблема', 'Клиенты не любят долгое ожидание без прогноза, непонимающих ботов и когда их перекидывают между каналами.'],
      ['Одна очередь для всех каналов', 'Телефон, чат на сайте, мессенджеры и почта в одной очереди, маршрутизация по навыкам и автоматический обратный звонок.'],
      ['Измеримое качество', 'Оценка записанных звонков по вашему чек-листу; речевая аналитика находит причины повторных обращений.'],
      ['Результаты клиентов', 'Сеть «Вектор»: ожидание сократилось с 4:10 до 1:50. NordFreight: пропущенные звонки с 21 % до 4 %.'],
    ],
  },
  {
    file: 'speech-analytics-deck-zh.pptx', title: '语音分析产品演示', lang: 'zh',
    meta: { description: '语音分析功能演示文稿，适合质检经理和客服主管。', tags: ['演示', '语音分析', '质检'], stage: 'demo', channel: 'meeting', product: 'Speech Analytics', audience: 'Enterprise', validDays: 200, verifyEvery: 90, verifiedDaysAgo: 120, owner: 2 },
    slides: [
      ['语音分析', '百分之百的通话质检'],
      ['为什么需要', '人工抽检只能覆盖少量通话，问题发现得太晚。'],
      ['功能', '自动转写、关键词和情绪识别、按公司标准自动打分、重复来电原因分析。'],
      ['成果', '某银行：质检覆盖率从5%提升到100%，客户满意度提高12个百分点。'],
    ],
  },
  {
    file: 'crm-connector-deck-en.pptx', title: 'CRM Connector: integration options', lang: 'en',
    meta: { description: 'Supported CRMs, what data syncs, and how long each integration takes.', tags: ['integration', 'CRM', 'IT'], stage: 'demo', channel: 'meeting', product: 'CRM Connector', audience: 'Mid-market', validDays: 180, verifyEvery: 90, verifiedDaysAgo: 45, owner: 3 },
    slides: [
      ['CRM Connector', 'Customer data shared across every channel'],
      ['Supported systems', 'Salesforce, HubSpot, Zoho, Bitrix24, amoCRM, Fxiaoke; others through the REST API.'],
      ['What syncs', 'Contacts, deals, call records with recordings, chat transcripts and agent notes, in both directions.'],
      ['Rollout', 'Standard connectors: two days. Custom fields and workflows: one to two weeks.'],
    ],
  },
  {
    file: 'roi-calculator-ru.xlsx', title: 'Калькулятор окупаемости (ROI)', lang: 'ru',
    meta: { description: 'Таблица для расчёта окупаемости с клиентом на звонке: потерянные обращения, стоимость тарифа.', tags: ['ROI', 'калькулятор', 'цены'], stage: 'proposal', channel: 'call', product: 'Contact Center Cloud', audience: 'SMB', validDays: 200, verifyEvery: 90, verifiedDaysAgo: 5, owner: 0 },
    sheet: [['Показатель', 'Значение', 'Комментарий'], ['Обращений в день', 1200, 'Данные клиента'], ['Доля потерянных обращений', 0.15, 'Часы пик'], ['Средний чек, ₽', 3500, ''], ['Конверсия обращения в продажу', 0.12, ''], ['Потери выручки в месяц, ₽', 2268000, 'Расчёт'], ['Стоимость тарифа «Бизнес» на 40 операторов, ₽', 95600, 'Прайс-лист 2026']],
  },
  {
    file: 'discount-approval-matrix-en.xlsx', title: 'Discount approval matrix', lang: 'en',
    meta: { description: 'Who approves which discount level, by deal size.', tags: ['discounts', 'approval', 'internal'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: -45, verifyEvery: 90, verifiedDaysAgo: 200, owner: 0 },
    sheet: [['Deal size, EUR/year', 'Up to 10%', '10-20%', 'Over 20%'], ['Under 20,000', 'Rep', 'Team lead', 'Head of sales'], ['20,000-100,000', 'Team lead', 'Head of sales', 'CFO'], ['Over 100,000', 'Head of sales', 'CFO', 'CEO']],
  },
  {
    file: 'call-script-cheatsheet-ru.md', title: 'Шпаргалка для звонка: первые 60 секунд', lang: 'ru',
    meta: { description: 'Короткая памятка для новых менеджеров: приветствие, цель звонка, первый вопрос.', tags: ['памятка', 'звонок', 'новичкам'], stage: 'prospecting', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: 180, verifiedDaysAgo: 10, owner: 4 },
    text: '# Первые 60 секунд звонка\n\n1. Представьтесь и назовите компанию.\n2. Назовите цель звонка одной фразой: «Я звоню, чтобы понять, сколько обращений вы теряете в часы пик».\n3. Спросите разрешения задать пару вопросов.\n4. Первый вопрос — открытый: «Как сейчас клиенты до вас дозваниваются?»\n\nНе рассказывайте о продукте, пока не услышали ответ клиента.\n',
  },
  {
    file: 'email-templates-en.txt', title: 'Follow-up e-mail templates', lang: 'en',
    meta: { description: 'Three follow-up e-mails: after the discovery call, after the demo, after the proposal.', tags: ['e-mail', 'follow-up', 'templates'], stage: 'proposal', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: null, owner: 4 },
    text: 'After the discovery call\n\nHi {name},\nthank you for your time today. You mentioned that about 15% of calls are missed at peak hours and that chat requests are answered the next day. I attached a one-pager on how one queue for all channels solves exactly that.\n\nAfter the demo\n\nHi {name},\nas promised, here is the recording of the demo and the price list. The free 14-day pilot can start next Monday.\n\nAfter the proposal\n\nHi {name},\nhave you had a chance to review the proposal? I am happy to walk your finance team through the ROI calculation.\n',
  },
];

export const LINKS = [
  { title: 'Product demo video (12 min)', url: 'https://www.youtube.com/watch?v=altair-demo', lang: 'en', meta: { description: 'Recorded product demo for prospects who missed the live session.', tags: ['video', 'demo'], stage: 'demo', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'All segments', validDays: 300, verifyEvery: 180, verifiedDaysAgo: 30, owner: 1 } },
  { title: 'Customer reviews on G2', url: 'https://www.g2.com/products/altair-contact-center/reviews', lang: 'en', meta: { description: 'Independent reviews, 4.6 of 5 from 230 reviews.', tags: ['reviews', 'social proof'], stage: 'presentation', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'Mid-market', validDays: null, verifyEvery: 90, verifiedDaysAgo: 100, owner: 1 } },
  { title: 'Статья на vc.ru: как «Вектор» перестал терять звонки', url: 'https://vc.ru/marketing/altair-vector-case', lang: 'ru', meta: { description: 'Публикация о кейсе сети «Вектор» для отправки после первой встречи.', tags: ['кейс', 'статья', 'ритейл'], stage: 'presentation', channel: 'messenger', product: 'Contact Center Cloud', audience: 'Retail', validDays: null, verifyEvery: null, owner: 1 } },
  { title: 'Вебинар: качество звонков без прослушивания вручную', url: 'https://altair.example.ru/webinars/speech-analytics', lang: 'ru', meta: { description: 'Запись вебинара о речевой аналитике, 45 минут.', tags: ['вебинар', 'речевая аналитика'], stage: 'discovery', channel: 'e-mail', product: 'Speech Analytics', audience: 'Enterprise', validDays: -10, verifyEvery: null, owner: 2 } },
  { title: 'Status page and SLA history', url: 'https://status.altair.example.com', lang: 'en', meta: { description: 'Live uptime and incident history for security reviews.', tags: ['SLA', 'security', 'IT'], stage: 'negotiation', channel: 'e-mail', product: 'Contact Center Cloud', audience: 'Enterprise', validDays: null, verifyEvery: 365, verifiedDaysAgo: 20, owner: 3 } },
  { title: '产品介绍视频（中文字幕）', url: 'https://altair.example.cn/video/overview', lang: 'zh', meta: { description: '三分钟产品介绍视频，适合通过微信发送给客户。', tags: ['视频', '产品简介'], stage: 'discovery', channel: 'messenger', product: 'Contact Center Cloud', audience: 'All segments', validDays: 200, verifyEvery: 180, verifiedDaysAgo: 10, owner: 1 } },
  { title: 'API documentation for integrators', url: 'https://developers.altair.example.com/api', lang: 'en', meta: { description: 'REST API reference for custom CRM integrations.', tags: ['API', 'integration', 'IT'], stage: 'onboarding', channel: 'e-mail', product: 'CRM Connector', audience: 'Enterprise', validDays: null, verifyEvery: null, owner: 3 } },
  { title: 'Тарифы на сайте', url: 'https://altair.example.ru/pricing', lang: 'ru', meta: { description: 'Публичная страница с тарифами — можно отправлять клиенту до КП.', tags: ['цены', 'тарифы'], stage: 'prospecting', channel: 'messenger', product: 'Contact Center Cloud', audience: 'SMB', validDays: null, verifyEvery: 30, verifiedDaysAgo: 45, owner: 0 } },
];

export const NOTES = [
  { title: 'How to position the free pilot', lang: 'en', body: '## When to offer the pilot\n\nOffer the **14-day pilot** only after discovery, when you know the customer\'s waiting time and missed-call numbers. Agree on *two numbers* to compare before and after.\n\n- Up to 10 agents\n- One channel plus phone\n- Success review on day 14 with the decision maker', meta: { description: 'Rules for offering the pilot and agreeing success criteria.', tags: ['pilot', 'closing'], stage: 'closing', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: 180, verifiedDaysAgo: 20, owner: 4 } },
  { title: 'Ответ на «пришлите КП на почту»', lang: 'ru', body: '## Не отправляйте КП вслепую\n\nСкажите: «Конечно пришлю. Чтобы КП было про вас, а не общее, уточню три вещи: сколько у вас операторов, какие каналы и что сейчас не устраивает».\n\nЕсли клиент отказывается отвечать — отправьте **прайс-лист 2026** и договоритесь о звонке через два дня.', meta: { description: 'Как превратить просьбу «пришлите КП» в разговор.', tags: ['возражения', 'КП'], stage: 'proposal', channel: 'call', product: 'Contact Center Cloud', audience: 'SMB', validDays: null, verifyEvery: 120, verifiedDaysAgo: 150, owner: 4 } },
  { title: '如何回应“价格太贵”', lang: 'zh', body: '## 先倾听，再回应\n\n先问客户和什么方案比较，然后计算**每个丢失来电的成本**。如果高峰期丢失15%的来电，商务版套餐第一个月就能收回成本。\n\n可以提供14天免费试用来验证数据。', meta: { description: '电话中处理价格异议的要点。', tags: ['异议处理', '价格'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: 120, verifiedDaysAgo: 10, owner: 4 } },
  { title: 'Channel conflict: partner vs. direct pricing', lang: 'en', body: 'Partners may not sell below our list price minus 15%. If a customer quotes a lower partner price, **do not match it**: escalate to the channel manager, who checks the partner deal registration.', meta: { description: 'What to do when a partner quote undercuts ours.', tags: ['partners', 'pricing', 'internal'], stage: 'negotiation', channel: 'call', product: 'Contact Center Cloud', audience: 'Mid-market', validDays: -100, verifyEvery: null, owner: 0 } },
  { title: 'Чек-лист перед демонстрацией', lang: 'ru', body: '- Узнать, кто будет на встрече и какие у них роли\n- Подготовить демо-стенд с данными отрасли клиента\n- Открыть кейс из той же отрасли\n- Проверить звук и запись\n- Оставить 15 минут на вопросы', meta: { description: 'Что проверить за час до демо.', tags: ['демо', 'чек-лист'], stage: 'demo', channel: 'meeting', product: 'Contact Center Cloud', audience: 'All segments', validDays: null, verifyEvery: null, owner: 1 } },
  { title: 'Renewal conversation: what to prepare', lang: 'en', body: 'Before a renewal call, pull the customer\'s usage report: **seats used vs. paid**, average waiting time trend, and the number of quality reviews done. Customers who see their own improvement renew; customers who see unused seats negotiate.', meta: { description: 'Data to bring to a renewal call with a long-standing customer.', tags: ['renewal', 'retention'], stage: 'renewal', channel: 'call', product: 'Contact Center Cloud', audience: 'Long-standing customers', validDays: null, verifyEvery: 180, verifiedDaysAgo: 300, owner: 2 } },
];

/** Extra copies that make the governance view's duplicate detection show something real. */
export const DUPLICATES = [
  { copyOf: 'price-list-2026-ru.pdf', title: 'Прайс-лист 2026 (копия для партнёров)', owner: 3 },
  { copyOf: 'competitor-comparison-en.pdf', title: 'Competitor comparison — cloud contact centers (v2)', owner: 2, sameFile: false },
];

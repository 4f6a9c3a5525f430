/** The default competency level descriptors and job-role targets (en/ru/zh), from what the source articles ask of phone sellers. */
type L = [string, string, string];
export const DEFAULT_LEVELS: Record<string, L[]> = {
  product_knowledge: [
    [
      'Knows the product names; needs a colleague for prices and terms.',
      'Знает названия продуктов; за ценами и условиями обращается к коллегам.',
      '知道产品名称；价格和条款需要同事帮助。',
    ],
    [
      'Quotes list prices and standard delivery terms from the price list.',
      'Называет цены и стандартные условия поставки по прайс-листу.',
      '能根据价目表报出标价和标准交货条款。',
    ],
    [
      'Explains features, warranty and delivery correctly without notes.',
      'Правильно объясняет характеристики, гарантию и доставку без подсказок.',
      '无需笔记即可准确讲解功能、保修和交付。',
    ],
    [
      'Compares with competitors and matches the offer to the customer’s case.',
      'Сравнивает с конкурентами и подбирает предложение под задачу клиента.',
      '能与竞品对比，并根据客户情况匹配方案。',
    ],
    [
      'Trusted expert: trains others, spots gaps in the offer, feeds product.',
      'Эксперт: обучает коллег, видит пробелы в предложении, передаёт их в продукт.',
      '专家：培训他人，发现方案不足并反馈给产品团队。',
    ],
  ],
  needs_discovery: [
    [
      'Interrupts; asks mostly closed questions; pitches before listening.',
      'Перебивает; задаёт в основном закрытые вопросы; начинает презентацию, не выслушав.',
      '经常打断；多问封闭式问题；未倾听就开始推销。',
    ],
    [
      'Lets the customer finish; asks a few open questions from the script.',
      'Даёт клиенту договорить; задаёт несколько открытых вопросов по скрипту.',
      '让客户说完；按话术提出几个开放式问题。',
    ],
    [
      'Uncovers the need, budget and decision maker; confirms what was heard.',
      'Выявляет потребность, бюджет и ЛПР; подтверждает услышанное.',
      '挖掘需求、预算和决策人；确认所听到的内容。',
    ],
    [
      'Finds the hidden motive behind the request and quantifies the pain.',
      'Находит скрытый мотив за запросом и оценивает «боль» в цифрах.',
      '找出需求背后的隐性动机并量化痛点。',
    ],
    [
      'Shapes the customer’s view of the problem; coaches others on listening.',
      'Формирует у клиента видение проблемы; учит коллег слушать.',
      '引导客户重新认识问题；指导他人倾听。',
    ],
  ],
  objection_handling: [
    [
      'Argues with or gives in to objections; drops the price at once.',
      'Спорит с возражением или сразу сдаётся; сразу снижает цену.',
      '与异议争辩或立即让步；马上降价。',
    ],
    [
      'Acknowledges common objections and answers with the prepared phrase.',
      'Признаёт типичные возражения и отвечает заготовленной фразой.',
      '认可常见异议并用准备好的话术回应。',
    ],
    [
      'Clarifies the real objection, answers with evidence, checks it landed.',
      'Уточняет истинное возражение, отвечает с доказательствами, проверяет реакцию.',
      '澄清真实异议，用证据回应，并确认客户接受。',
    ],
    [
      'Handles unusual and stacked objections; turns price talk into value.',
      'Справляется с нестандартными и цепочками возражений; переводит разговор о цене в ценность.',
      '处理非常规和连环异议；把价格讨论转为价值讨论。',
    ],
    [
      'Anticipates objections before they come; writes the team’s answers.',
      'Предупреждает возражения заранее; пишет ответы для команды.',
      '提前预判异议；为团队编写应对话术。',
    ],
  ],
  closing: [
    [
      'Ends calls without asking for a decision or next step.',
      'Завершает звонок, не прося решения и не договариваясь о следующем шаге.',
      '结束通话时不争取决定也不约定下一步。',
    ],
    [
      'Proposes a next step but without a date or owner.',
      'Предлагает следующий шаг, но без даты и ответственного.',
      '提出下一步，但没有日期或负责人。',
    ],
    [
      'Asks for the commitment and agrees a dated next step on every call.',
      'В каждом звонке просит о решении и фиксирует следующий шаг с датой.',
      '每次通话都争取承诺并约定有日期的下一步。',
    ],
    [
      'Uses trial closes; handles last-minute hesitation calmly.',
      'Использует пробные закрытия; спокойно снимает сомнения в последний момент.',
      '运用试探性成交；冷静处理最后时刻的犹豫。',
    ],
    [
      'Closes complex multi-party deals; coaches others on closing.',
      'Закрывает сложные сделки с несколькими участниками; обучает других.',
      '完成多方参与的复杂交易；指导他人成交。',
    ],
  ],
  customer_service: [
    [
      'Curt or unclear; leaves the customer on hold without explanation.',
      'Резок или говорит неясно; оставляет клиента на удержании без объяснений.',
      '语气生硬或表达不清；让客户无解释地等待。',
    ],
    [
      'Polite and clear; sometimes forgets to call back as promised.',
      'Вежлив и понятен; иногда забывает перезвонить, как обещал.',
      '礼貌清晰；有时忘记按承诺回电。',
    ],
    [
      'Friendly and clear, explains holds, keeps every promise.',
      'Доброжелателен, объясняет паузы, выполняет все обещания.',
      '友好清晰，解释等待原因，信守每个承诺。',
    ],
    [
      'Calms upset customers and turns complaints into loyalty.',
      'Успокаивает недовольных клиентов и превращает жалобы в лояльность.',
      '安抚不满客户，把投诉转化为忠诚。',
    ],
    [
      'Sets the team’s service standard; customers ask for them by name.',
      'Задаёт стандарт сервиса для команды; клиенты просят соединить именно с ним.',
      '树立团队服务标准；客户点名找他。',
    ],
  ],
  crm_discipline: [
    [
      'Rarely records calls; deals live in personal notes.',
      'Редко фиксирует звонки; сделки живут в личных заметках.',
      '很少记录通话；交易信息只在个人笔记中。',
    ],
    [
      'Logs calls but stages and next steps are often out of date.',
      'Фиксирует звонки, но этапы и следующие шаги часто устаревшие.',
      '记录通话，但阶段和下一步经常过时。',
    ],
    [
      'Records every touch, stage and next step the same day.',
      'В тот же день фиксирует каждое касание, этап и следующий шаг.',
      '当天记录每次接触、阶段和下一步。',
    ],
    [
      'Keeps a clean pipeline others can take over without a call.',
      'Ведёт воронку так, что коллега может подхватить её без объяснений.',
      '保持清晰的销售管道，他人可直接接手。',
    ],
    ['Improves the team’s CRM process and reports.', 'Улучшает CRM-процессы и отчёты команды.', '改进团队的 CRM 流程和报表。'],
  ],
};

export const DEFAULT_JOB_ROLES: { key: string; en: string; ru: string; zh: string; targets: Record<string, number> }[] = [
  {
    key: 'junior_rep',
    en: 'Junior rep',
    ru: 'Младший менеджер по продажам',
    zh: '初级销售',
    targets: { product_knowledge: 3, needs_discovery: 2, objection_handling: 2, closing: 2, customer_service: 3, crm_discipline: 3 },
  },
  {
    key: 'rep',
    en: 'Sales rep',
    ru: 'Менеджер по продажам',
    zh: '销售代表',
    targets: { product_knowledge: 4, needs_discovery: 3, objection_handling: 3, closing: 3, customer_service: 3, crm_discipline: 3 },
  },
  {
    key: 'senior_rep',
    en: 'Senior rep',
    ru: 'Старший менеджер по продажам',
    zh: '高级销售',
    targets: { product_knowledge: 4, needs_discovery: 4, objection_handling: 4, closing: 4, customer_service: 4, crm_discipline: 4 },
  },
];

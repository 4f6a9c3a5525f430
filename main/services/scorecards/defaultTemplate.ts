/**
 * The default call-quality scorecard (en/ru/zh), built from what customers
 * complain about in the brief's sources: not introduced, interrupted, no
 * questions, weak product knowledge, rudeness, objections brushed off, no next
 * step, long silent holds, and compliance breaches (critical).
 */
import type { DefinitionInput } from '../../../shared/api/scorecards';

type C = {
  key: string;
  en: string;
  ru: string;
  zh: string;
  gen: string;
  gru: string;
  gzh: string;
  scale: '1_5' | 'yes_no';
  comp: string;
  na?: boolean;
  critical?: boolean;
  stage?: string;
  weight?: number;
};

const CRITERIA: Record<string, C[]> = {
  opening: [
    {
      key: 'greeting',
      en: 'Greeting and identification',
      ru: 'Приветствие и представление',
      zh: '问候与自我介绍',
      gen: '5: greets, gives own name and company, checks it is a good time. 3: greets but skips the name or the time check. 1: launches into the pitch.',
      gru: '5: здоровается, называет имя и компанию, уточняет, удобно ли говорить. 3: здоровается, но без имени или без вопроса об удобстве. 1: сразу начинает продавать.',
      gzh: '5分：问候、说明姓名和公司、确认对方是否方便。3分：有问候但缺姓名或未确认时间。1分：直接推销。',
      scale: '1_5',
      comp: 'customer_service',
      stage: 'opening',
    },
  ],
  conversation: [
    {
      key: 'listening',
      en: 'Listened and let the customer finish',
      ru: 'Слушал и давал клиенту договорить',
      zh: '倾听并让客户把话说完',
      gen: '5: never talks over the customer, confirms what was heard. 1: interrupts repeatedly or answers a different question.',
      gru: '5: не перебивает, подтверждает услышанное. 1: постоянно перебивает или отвечает не на тот вопрос.',
      gzh: '5分：从不打断客户，并确认所听到的内容。1分：反复打断或答非所问。',
      scale: '1_5',
      comp: 'needs_discovery',
    },
    {
      key: 'discovery',
      en: 'Discovered needs with questions',
      ru: 'Выявил потребности вопросами',
      zh: '通过提问挖掘需求',
      gen: '5: at least two open questions about volume, timing or use before proposing. 1: no questions at all.',
      gru: '5: минимум два открытых вопроса об объёме, сроках или задаче до предложения. 1: ни одного вопроса.',
      gzh: '5分：在提出方案前至少问了两个关于数量、时间或用途的开放式问题。1分：完全没有提问。',
      scale: '1_5',
      comp: 'needs_discovery',
      stage: 'discovery',
    },
    {
      key: 'product',
      en: 'Product knowledge and competence',
      ru: 'Знание продукта и компетентность',
      zh: '产品知识与专业能力',
      gen: '5: correct prices, terms, delivery and warranty without hesitation. 1: wrong facts or "I will find out" for basics.',
      gru: '5: верно называет цены, условия, сроки и гарантию без заминок. 1: ошибается или «уточнит» базовые вещи.',
      gzh: '5分：价格、条款、交货期和保修说得准确流畅。1分：信息错误或连基本问题都要“再确认”。',
      scale: '1_5',
      comp: 'product_knowledge',
      stage: 'presentation',
    },
    {
      key: 'politeness',
      en: 'Politeness and friendliness',
      ru: 'Вежливость и доброжелательность',
      zh: '礼貌与友好',
      gen: "5: warm, patient, uses the customer's name. 1: curt, irritated or dismissive.",
      gru: '5: тепло, терпеливо, обращается по имени. 1: резко, раздражённо или пренебрежительно.',
      gzh: '5分：热情、耐心、称呼客户姓名。1分：生硬、不耐烦或轻视客户。',
      scale: '1_5',
      comp: 'customer_service',
    },
    {
      key: 'objections',
      en: 'Handled objections',
      ru: 'Отработал возражения',
      zh: '处理异议',
      gen: '5: acknowledges, answers with a fact or comparison, checks the answer landed. 1: argues or ignores. N/A when the customer raised none.',
      gru: '5: признаёт возражение, отвечает фактом или сравнением, проверяет, что ответ принят. 1: спорит или игнорирует. N/A, если возражений не было.',
      gzh: '5分：认可异议，用事实或对比回应，并确认客户接受。1分：争辩或忽视。客户没有提出异议时选 N/A。',
      scale: '1_5',
      comp: 'objection_handling',
      na: true,
      stage: 'objection_handling',
    },
    {
      key: 'holds',
      en: 'No long unexplained holds',
      ru: 'Без долгих необъяснённых пауз',
      zh: '没有长时间无解释的等待',
      gen: 'Yes: every hold over 30 seconds was explained and thanked for. No: the customer waited in silence.',
      gru: 'Да: каждая пауза дольше 30 секунд объяснена, клиента поблагодарили за ожидание. Нет: клиент ждал в тишине.',
      gzh: '是：超过30秒的等待都有说明并致谢。否：客户在沉默中等待。',
      scale: 'yes_no',
      comp: 'customer_service',
      na: true,
    },
  ],
  close: [
    {
      key: 'next_step',
      en: 'Clear next step or close',
      ru: 'Чёткий следующий шаг или закрытие',
      zh: '明确的下一步或成交',
      gen: '5: a concrete next step with a date, or the order. 3: vague "I will send something". 1: the call just ends.',
      gru: '5: конкретный следующий шаг с датой или заказ. 3: размыто «пришлю что-нибудь». 1: разговор просто заканчивается.',
      gzh: '5分：有具体日期的下一步或直接成交。3分：含糊地说“我发点资料”。1分：通话直接结束。',
      scale: '1_5',
      comp: 'closing',
      stage: 'closing',
      weight: 2,
    },
    {
      key: 'summary',
      en: 'Summarised what was agreed',
      ru: 'Резюмировал договорённости',
      zh: '总结达成的约定',
      gen: 'Yes: repeats what will happen, by whom and when. No: no summary.',
      gru: 'Да: повторяет, что, кто и когда сделает. Нет: без резюме.',
      gzh: '是：复述将发生什么、由谁、何时完成。否：没有总结。',
      scale: 'yes_no',
      comp: 'crm_discipline',
    },
  ],
  compliance: [
    {
      key: 'compliance',
      en: 'Compliance: no false promises, personal data handled correctly',
      ru: 'Соблюдение правил: без ложных обещаний, персональные данные — по правилам',
      zh: '合规：无虚假承诺，个人信息处理合规',
      gen: 'No = a promise the company cannot keep (price, deadline, warranty) or personal data asked/read out against policy. Mark the moment as evidence.',
      gru: 'Нет = обещание, которое компания не может выполнить (цена, срок, гарантия), или персональные данные запрошены/озвучены с нарушением правил. Отметьте момент как доказательство.',
      gzh: '否 = 做出公司无法兑现的承诺（价格、期限、保修），或违规索取/念出个人信息。请标记该时刻作为证据。',
      scale: 'yes_no',
      comp: 'customer_service',
      critical: true,
    },
  ],
  bonus: [
    {
      key: 'extra_mile',
      en: 'Went the extra mile (bonus)',
      ru: 'Сделал больше ожидаемого (бонус)',
      zh: '超出预期（加分）',
      gen: 'Yes: offered something the customer did not ask for but clearly valued (a cheaper option, a faster route, a useful contact).',
      gru: 'Да: предложил то, о чём клиент не просил, но явно оценил (вариант дешевле, быстрее, полезный контакт).',
      gzh: '是：主动提供客户未要求但明显重视的帮助（更便宜的方案、更快的途径、有用的联系人）。',
      scale: 'yes_no',
      comp: 'customer_service',
      weight: 5,
    },
  ],
};

const SECTIONS: { key: string; en: string; ru: string; zh: string; kind: 'standard' | 'bonus' | 'auto_fail'; weight: number }[] = [
  { key: 'opening', en: 'Opening', ru: 'Начало разговора', zh: '开场', kind: 'standard', weight: 1 },
  { key: 'conversation', en: 'Conversation', ru: 'Разговор', zh: '沟通过程', kind: 'standard', weight: 3 },
  { key: 'close', en: 'Close', ru: 'Завершение', zh: '收尾', kind: 'standard', weight: 1 },
  { key: 'compliance', en: 'Compliance', ru: 'Соблюдение правил', zh: '合规', kind: 'standard', weight: 1 },
  { key: 'bonus', en: 'Bonus', ru: 'Бонус', zh: '加分项', kind: 'bonus', weight: 0 },
];

export const DEFAULT_TEMPLATE_NAME = 'Call quality';

export function defaultDefinition(competencyIdByKey: Map<string, number>): DefinitionInput {
  return {
    bonusCap: 5,
    sections: SECTIONS.map((s) => ({
      key: s.key,
      title: { en: s.en, ru: s.ru, zh: s.zh },
      kind: s.kind,
      weight: s.weight,
      criteria: CRITERIA[s.key].map((c) => ({
        id: null,
        prompt: { en: c.en, ru: c.ru, zh: c.zh },
        guideline: { en: c.gen, ru: c.gru, zh: c.gzh },
        scale: c.scale,
        weight: c.weight ?? 1,
        naAllowed: !!c.na,
        critical: !!c.critical,
        competencyId: competencyIdByKey.get(c.comp) ?? null,
        scriptStage: c.stage ?? null,
      })),
    })),
  };
}

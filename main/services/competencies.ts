/**
 * The competency list every feature refers to (scorecard criteria, courses,
 * competence scores). The training feature owns the full model (levels, role
 * targets, assessments) on top of this table.
 */
import type { LocalizedNames } from '../../shared/api/people';
import type { DB } from '../db/open';
import { catalogNamesColumn, parseNames, writeCatalogNames } from './catalogNames';

export interface CompetencyRef {
  id: number;
  key: string;
  /** the main (English) name; `names` holds the other languages' */
  name: string;
  names: LocalizedNames;
}

/** Active competencies with their names in every language, in one statement. */
export function listCompetencyRefs(db: DB): CompetencyRef[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.key, c.name, ${catalogNamesColumn('competency', 'c')} AS names FROM competencies c WHERE c.archived = 0 ORDER BY c.sort, c.id`,
      )
      .all() as { id: number; key: string; name: string; names: string }[]
  ).map((r) => ({ ...r, names: parseNames(r.names) }));
}

/** The default model (en/ru/zh) built from what the source articles say phone sellers must be able to do. */
export const DEFAULT_COMPETENCIES: { key: string; en: string; ru: string; zh: string; den: string; dru: string; dzh: string }[] = [
  {
    key: 'product_knowledge',
    en: 'Product knowledge',
    ru: 'Знание продукта',
    zh: '产品知识',
    den: 'Knows the products, prices, delivery terms and warranty, and explains them correctly.',
    dru: 'Знает продукты, цены, условия поставки и гарантии и правильно о них рассказывает.',
    dzh: '了解产品、价格、交货条件和保修，并能准确讲解。',
  },
  {
    key: 'needs_discovery',
    en: 'Needs discovery and listening',
    ru: 'Выявление потребностей и умение слушать',
    zh: '需求挖掘与倾听',
    den: 'Lets the customer finish, asks open questions, confirms what was heard.',
    dru: 'Даёт клиенту договорить, задаёт открытые вопросы, подтверждает услышанное.',
    dzh: '让客户把话说完，提出开放式问题，确认所听到的内容。',
  },
  {
    key: 'objection_handling',
    en: 'Objection handling',
    ru: 'Работа с возражениями',
    zh: '异议处理',
    den: 'Acknowledges the objection, answers it with evidence, checks the answer landed.',
    dru: 'Признаёт возражение, отвечает с доказательствами, проверяет, что ответ принят.',
    dzh: '认可异议，用证据回应，并确认客户接受了回答。',
  },
  {
    key: 'closing',
    en: 'Closing and next steps',
    ru: 'Завершение сделки и следующие шаги',
    zh: '成交与下一步',
    den: 'Asks for the commitment and agrees a concrete next step with a date.',
    dru: 'Просит о решении и договаривается о конкретном следующем шаге с датой.',
    dzh: '主动争取承诺，并约定有具体日期的下一步。',
  },
  {
    key: 'customer_service',
    en: 'Customer service and communication',
    ru: 'Клиентский сервис и коммуникация',
    zh: '客户服务与沟通',
    den: 'Polite, friendly and clear; no long unexplained holds; keeps promises.',
    dru: 'Вежлив, доброжелателен, говорит понятно; без долгих необъяснённых пауз; выполняет обещания.',
    dzh: '礼貌、友好、表达清晰；不让客户长时间无解释地等待；信守承诺。',
  },
  {
    key: 'crm_discipline',
    en: 'CRM discipline',
    ru: 'Работа с CRM',
    zh: 'CRM 使用规范',
    den: 'Records every touch, stage and next step in the CRM on time.',
    dru: 'Своевременно фиксирует в CRM каждое касание, этап и следующий шаг.',
    dzh: '及时在 CRM 中记录每次接触、阶段和下一步。',
  },
];

export function seedDefaultCompetencies(db: DB) {
  const ins = db.prepare('INSERT OR IGNORE INTO competencies(key, name, sort) VALUES (?, ?, ?)');
  const desc = db.prepare('INSERT INTO competency_descriptions(competency_id, locale, text) VALUES (?, ?, ?)');
  db.transaction(() =>
    DEFAULT_COMPETENCIES.forEach((c, i) => {
      const r = ins.run(c.key, c.en, i);
      if (!r.changes) return;
      const id = Number(r.lastInsertRowid);
      writeCatalogNames(db, 'competency', id, { ru: c.ru, zh: c.zh });
      for (const [locale, text] of [
        ['en', c.den],
        ['ru', c.dru],
        ['zh', c.dzh],
      ])
        desc.run(id, locale, text);
    }),
  )();
}

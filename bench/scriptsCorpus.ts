/**
 * Realistic bench text: sales-call sentences in English, Russian (with real
 * inflected forms) and Chinese (common 2-character words), built from
 * sizeable vocabularies with a seeded RNG.
 */
import type { Rng } from '../shared/domain/random';

const EN = `customer client price prices pricing discount discounts budget budgets invoice invoices payment payments instalment contract contracts renewal renew renewing
delivery deliveries deliver shipping warehouse stock lead time schedule installation install commissioning warranty warranties guarantee service servicing maintenance
engineer engineers technician visit visits downtime breakdown failure repair repairs spare parts seal seals bearing bearings impeller motor motors pump pumps valve valves
pressure flow head capacity efficiency energy consumption savings cost costs total ownership return investment payback quote quotes quotation offer offers proposal
proposals tender competitor competitors cheaper expensive value quality reliable reliability reference references case study industry manufacturer supplier suppliers
distributor dealer partner channel channels phone call calls email emails chat messenger meeting meetings demo demonstration presentation trial pilot decision
decision-maker manager director procurement purchasing engineering finance approval approve approved signature sign signed order orders reorder volume volumes unit
units month monthly quarter quarterly annual year years week weeks today tomorrow Thursday Friday urgent urgently critical priority problem problems issue issues
complaint complaints feedback rating ratings satisfaction support helpdesk response respond responded waiting wait estimate hours minutes listen listening understand
question questions answer answers explain explained compare comparison benefit benefits feature features model models configuration standard premium basic option
options account accounts segment new active long-standing loyal retention churn upgrade upsell cross-sell portfolio catalogue brochure datasheet specification
specifications requirement requirements need needs goal goals plan plans risk risks concern concerns objection objections agree agreed follow-up next step summary`;

const RU = `клиент клиента клиенту клиентом клиенты клиентов цена цены цену ценой дорого дорогой дорогая дорогое дороже скидка скидки скидку бюджет бюджета бюджете
счёт счета оплата оплаты оплату рассрочка договор договора договору продление продлить поставка поставки поставку доставка доставки доставку срок сроки сроков
склад складе наличии монтаж монтажа пусконаладка гарантия гарантии гарантию сервис сервиса сервисный обслуживание обслуживания инженер инженера инженеры выезд
простой простоя простои поломка поломки ремонт ремонта запчасти запчастей уплотнение уплотнения подшипник подшипники насос насоса насосы насосов клапан клапаны
давление расход напор мощность энергоэффективность экономия экономии стоимость владения окупаемость предложение предложения предложению коммерческое конкурент
конкурента конкуренты конкурентов дешевле качество качества надёжность надёжный отзыв отзывы производитель поставщик поставщика поставщиков дилер партнёр канал
каналы звонок звонка звонки письмо письма почта почту чат мессенджер встреча встречи встречу презентация решение решения руководитель директор снабжение закупки
согласование подпись подписать заказ заказа заказы объём объёма единиц месяц месяца квартал год года неделя неделю сегодня завтра четверг пятницу срочно срочный
проблема проблемы проблему вопрос вопросы вопрос ответ ответы объяснить сравнить сравнение преимущество преимущества модель модели комплектация базовая премиум
новый новые активный постоянный постоянные лояльность удержание отток допродажа каталог спецификация требования потребность потребности цель задача риск
возражение возражения договорились следующий шаг итоги выслушать услышать понимаю поддержка поддержки жалоба жалобы ожидание оценка оценку`;

const ZH = `客户 价格 报价 折扣 预算 发票 付款 分期 合同 续约 交货 发货 仓库 现货 时间 安装 调试 保修 服务 维护 工程师 上门 停机 故障 维修 配件 密封 轴承 叶轮
电机 水泵 阀门 压力 流量 扬程 能效 能耗 节能 成本 总成本 回报 投资 报价单 方案 建议 招标 竞争 对手 便宜 昂贵 价值 质量 可靠 案例 行业 厂家 供应商 经销商
合作 渠道 电话 邮件 聊天 微信 会议 演示 试用 决策 经理 总监 采购 工程 财务 审批 签字 订单 数量 每月 季度 年度 今天 明天 周四 周五 紧急 重要 问题 投诉
反馈 评价 满意 支持 响应 等待 小时 分钟 倾听 理解 解释 比较 优势 功能 型号 配置 标准 高级 基础 选项 账户 新客户 老客户 忠诚 流失 升级 目录 规格 需求 目标
计划 风险 顾虑 异议 同意 下一步 总结 销售 培训 产品 技巧 激励 排名 冠军 数据 决定`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
export const VOCAB = { en: words(EN), ru: words(RU), zh: words(ZH) };
export type BenchLang = keyof typeof VOCAB;

export function sentence(rng: Rng, lang: BenchLang, min: number, max: number): string {
  const v = VOCAB[lang];
  const n = rng.int(min, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(v));
  if (lang === 'zh') return parts.join('') + '。';
  const s = parts.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export function paragraph(rng: Rng, lang: BenchLang, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push((rng.chance(0.3) ? '- ' : '') + sentence(rng, lang, 6, 16));
  return out.join('\n');
}

/** A query of `len` characters a rep would type: a word prefix (en/ru) or a run of Chinese text. */
export function queryOf(rng: Rng, lang: BenchLang, len: number): string {
  if (lang === 'zh') {
    const text = sentence(rng, 'zh', 6, 10);
    const start = rng.int(0, Math.max(0, text.length - len - 2));
    return text.slice(start, start + len);
  }
  const candidates = VOCAB[lang].filter((w) => w.length >= len && /^[\p{L}]+$/u.test(w));
  return rng.pick(candidates).slice(0, len);
}

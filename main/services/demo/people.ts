import type { Role } from '../../../shared/api/people';
import { createPerson, createTeam } from '../people';
import type { DemoContext } from './context';

/** [email, name, name_ru, name_zh, team, roles, hired_at]. The first 15 match tests/fixtures/people.csv (the sample roster). */
type Row = [string, string, string, string, string, Role[], string];
export const DEMO_PEOPLE: Row[] = [
  ['anna.petrova@example.com', 'Anna Petrova', 'Анна Петрова', '安娜', 'North', ['rep'], '2021-03-01'],
  ['ivan.sokolov@example.com', 'Ivan Sokolov', 'Иван Соколов', '伊万', 'North', ['rep'], '2019-09-15'],
  ['maria.ivanova@example.com', 'Maria Ivanova', 'Мария Иванова', '玛丽亚', 'North', ['rep'], '2023-01-10'],
  ['dmitry.kuznetsov@example.com', 'Dmitry Kuznetsov', 'Дмитрий Кузнецов', '德米特里', 'North', ['rep'], '2022-06-01'],
  ['olga.smirnova@example.com', 'Olga Smirnova', 'Ольга Смирнова', '奥尔加', 'North', ['rep'], '2020-02-20'],
  ['sergey.popov@example.com', 'Sergey Popov', 'Сергей Попов', '谢尔盖', 'North', ['rep'], '2024-04-01'],
  ['li.wei@example.com', 'Li Wei', 'Ли Вэй', '李伟', 'East', ['rep'], '2021-11-01'],
  ['wang.fang@example.com', 'Wang Fang', 'Ван Фан', '王芳', 'East', ['rep'], '2020-05-18'],
  ['zhang.min@example.com', 'Zhang Min', 'Чжан Минь', '张敏', 'East', ['rep'], '2023-08-07'],
  ['chen.jie@example.com', 'Chen Jie', 'Чэнь Цзе', '陈杰', 'East', ['rep'], '2022-03-14'],
  ['elena.volkova@example.com', 'Elena Volkova', 'Елена Волкова', '叶莲娜', 'East', ['rep'], '2018-10-01'],
  ['pavel.morozov@example.com', 'Pavel Morozov', 'Павел Морозов', '帕维尔', 'East', ['rep'], '2024-09-02'],
  ['nina.orlova@example.com', 'Nina Orlova', 'Нина Орлова', '尼娜', 'North', ['manager', 'admin'], '2017-05-01'],
  ['tom.baker@example.com', 'Tom Baker', 'Том Бейкер', '汤姆', 'East', ['manager'], '2016-03-01'],
  ['kate.lee@example.com', 'Kate Lee', 'Кейт Ли', '李凯特', '', ['trainer'], '2020-01-01'],
  ['alexei.fedorov@example.com', 'Alexei Fedorov', 'Алексей Фёдоров', '阿列克谢', 'North', ['rep'], '2022-09-12'],
  ['svetlana.kozlova@example.com', 'Svetlana Kozlova', 'Светлана Козлова', '斯维特兰娜', 'North', ['rep'], '2019-04-08'],
  ['liu.yang@example.com', 'Liu Yang', 'Лю Ян', '刘洋', 'East', ['rep'], '2021-07-19'],
  ['james.carter@example.com', 'James Carter', 'Джеймс Картер', '詹姆斯', 'West', ['rep'], '2020-11-02'],
  ['emily.johnson@example.com', 'Emily Johnson', 'Эмили Джонсон', '艾米丽', 'West', ['rep'], '2022-02-14'],
  ['michael.brown@example.com', 'Michael Brown', 'Майкл Браун', '迈克尔', 'West', ['rep'], '2018-06-25'],
  ['sophie.martin@example.com', 'Sophie Martin', 'Софи Мартен', '索菲', 'West', ['rep'], '2023-05-03'],
  ['zhao.lei@example.com', 'Zhao Lei', 'Чжао Лэй', '赵磊', 'West', ['rep'], '2021-01-11'],
  ['natalia.sorokina@example.com', 'Natalia Sorokina', 'Наталья Сорокина', '娜塔莉亚', 'West', ['rep'], '2024-01-15'],
  ['huang.li@example.com', 'Huang Li', 'Хуан Ли', '黄丽', 'West', ['rep'], '2020-08-30'],
  ['daniel.wilson@example.com', 'Daniel Wilson', 'Дэниел Уилсон', '丹尼尔', 'West', ['rep'], '2019-12-09'],
  ['irina.belova@example.com', 'Irina Belova', 'Ирина Белова', '伊琳娜', 'West', ['manager'], '2015-10-05'],
  ['marina.zaitseva@example.com', 'Marina Zaitseva', 'Марина Зайцева', '玛丽娜', '', ['trainer'], '2019-03-18'],
  ['sun.hao@example.com', 'Sun Hao', 'Сунь Хао', '孙浩', 'East', ['rep'], '2023-10-23'],
];

const TEAMS: Record<string, string> = {
  North: 'Inbound and SMB accounts, Moscow office',
  East: 'Key accounts and distributors, Asia-Pacific',
  West: 'Enterprise and channel partners, Europe',
};
const TEAM_MANAGER: Record<string, string> = {
  North: 'nina.orlova@example.com',
  East: 'tom.baker@example.com',
  West: 'irina.belova@example.com',
};

export function seedPeople(ctx: DemoContext) {
  const { db } = ctx;
  const teamIds: Record<string, number> = {};
  for (const [name, description] of Object.entries(TEAMS)) teamIds[name] = createTeam(db, { name, description, managerId: null }).id;
  for (const [email, name, nameRu, nameZh, team, roles, hiredAt] of DEMO_PEOPLE) {
    const p = createPerson(db, { email, name, names: { ru: nameRu, zh: nameZh }, teamId: team ? teamIds[team] : null, roles, hiredAt });
    if (roles.includes('rep')) ctx.reps.push(p);
    if (roles.includes('manager')) ctx.managers.push(p);
    if (roles.includes('trainer')) ctx.trainers.push(p);
  }
  for (const [team, email] of Object.entries(TEAM_MANAGER)) {
    const m = ctx.managers.find((p) => p.email === email)!;
    db.prepare('UPDATE teams SET manager_id = ? WHERE id = ?').run(m.id, teamIds[team]);
  }
  ctx.teams = teamIds;
}

/** The guidance matcher in en/ru/zh: inflections, word order and filler words match; near-misses don't. */
import { describe, expect, it } from 'vitest';
import { saysPhrase } from '../../shared/guidance';

const says = (text: string, phrase: string, need = 1) => saysPhrase(text, phrase, need);

describe('English', () => {
  it('matches inflections, word order and filler words', () => {
    expect(says('Honestly, it is too expensive for us', 'too expensive')).toBe(true);
    expect(says('your prices are, um, like, way too high', 'price is too high')).toBe(true);
    expect(says('too high, that price', 'price is too high')).toBe(true);
    expect(says('the pricing seemed high to me', 'price seems high')).toBe(true);
    expect(says('we will be calling you Thursday', 'I will call you on Thursday')).toBe(true);
  });
  it('refuses near-misses', () => {
    expect(says('it is not expensive at all', 'too expensive')).toBe(false);
    expect(says("that isn't too expensive", 'too expensive')).toBe(false);
    expect(says('the price is fine, not high', 'price is too high')).toBe(false);
    expect(says('an inexpensive option', 'too expensive')).toBe(false);
    expect(says('the price is great', 'price is too high')).toBe(false);
    // words too far apart are not one phrase
    expect(says('the price we discussed last week with your colleague from the other department was quite high', 'price is too high')).toBe(
      false,
    );
  });
  it('a negative phrase needs its negation', () => {
    expect(says('sorry, there is no budget this year', 'no budget')).toBe(true);
    expect(says('the budget is approved', 'no budget')).toBe(false);
  });
  it('talking points match tolerantly (60% of their words)', () => {
    expect(says('so we include free replacement too', 'Free replacement is included', 0.6)).toBe(true);
    expect(says('free delivery', 'Free replacement is included', 0.6)).toBe(false);
  });
});

describe('Russian', () => {
  it('matches inflections, word order and filler words', () => {
    expect(says('Ну, это, как бы, дороговато', 'дорого')).toBe(true);
    expect(says('Дорогое у вас оборудование', 'дорого')).toBe(true);
    expect(says('Цены у вас высокие', 'цена высокая')).toBe(true);
    expect(says('Высокая у вас цена', 'цена высокая')).toBe(true);
    expect(says('Но у конкурентов, вот, дешевле', 'у конкурентов дешевле')).toBe(true);
    expect(says('Давайте договоримся о встрече', 'Договоритесь о встрече', 0.6)).toBe(true);
  });
  it('refuses near-misses', () => {
    expect(says('Это не дорого', 'дорого')).toBe(false);
    expect(says('Недорого, нормально', 'дорого')).toBe(false);
    expect(says('Цена не высокая', 'цена высокая')).toBe(false);
    expect(says('Дорожная карта готова', 'дорого')).toBe(false);
  });
});

describe('Chinese', () => {
  it('matches with particles, inserted characters and in a longer sentence', () => {
    expect(says('太贵了', '太贵')).toBe(true);
    expect(says('嗯，你们这个太贵了吧', '太贵')).toBe(true);
    expect(says('你们的价格有点太高了', '价格太高')).toBe(true);
  });
  it('refuses near-misses', () => {
    expect(says('不太贵', '太贵')).toBe(false);
    expect(says('价格不太高', '价格太高')).toBe(false);
    expect(says('价格很合理', '价格太高')).toBe(false);
    expect(says('太好了很贵重的礼物', '太贵')).toBe(false);
    expect(says('太好，很贵重的礼物', '太贵')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { charsThatFit, wrapWords } from './wrap.js';

describe('labels wrapped between words', () => {
  it.each([
    ['Скорость ответа на заявку клиента', 12, ['Скорость', 'ответа на', 'заявку', 'клиента']],
    ['Скорость ответа на заявку клиента', 20, ['Скорость ответа на', 'заявку клиента']],
    ['Согласование сметы', 8, ['Согласование', 'сметы']],
    ['Выезд сервис-центра в день обращения', 14, ['Выезд сервис-', 'центра в день', 'обращения']],
    ['Price — clear up front', 10, ['Price —', 'clear up', 'front']],
    ['  two   spaces  ', 40, ['two spaces']],
    ['', 10, []],
  ])('%s at %i characters', (text, max, lines) => {
    expect(wrapWords(text, max)).toEqual(lines);
  });

  it('never cuts a word: the lines joined again are the words of the label', () => {
    const label = 'Прозрачность стоимости работ до подписания договора подряда';
    for (const max of [1, 5, 9, 14, 30, 100]) {
      const lines = wrapWords(label, max);
      expect(lines.join(' ').split(' '), String(max)).toEqual(label.split(' '));
      for (const line of lines) expect(line.length <= max || !line.includes(' '), line).toBe(true);
    }
  });

  it('counts about 0.6 em per character', () => {
    expect(charsThatFit(100, 11)).toBe(15);
    expect(charsThatFit(5, 11)).toBe(1);
  });
});

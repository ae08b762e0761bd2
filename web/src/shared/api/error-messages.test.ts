import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { translateFieldError } from './error-messages';

describe('field errors are translated by code, never by the English message', () => {
  it('interpolates params, with the Russian plural the number asks for', async () => {
    const tooLong = (maximum: number) => ({
      path: 'name',
      code: 'too_long',
      params: { maximum },
      message: 'Too big: expected string to have <=200 characters',
    });
    await i18n.changeLanguage('ru');
    expect(translateFieldError(tooLong(200))).toBe('Не длиннее 200 символов');
    expect(translateFieldError(tooLong(21))).toBe('Не длиннее 21 символа');
    expect(translateFieldError({ path: 'score', code: 'out_of_range', params: { minimum: 1, maximum: 5 }, message: 'x' })).toBe(
      'Должно быть от 1 до 5',
    );
    await i18n.changeLanguage('en');
    expect(translateFieldError(tooLong(200))).toBe('At most 200 characters');
    expect(translateFieldError({ path: 'slug', code: 'taken', params: { entity: 'organization' }, message: 'the slug x is taken' })).toBe(
      'Already taken: choose another',
    );
  });

  it('shows the server message for a code it does not know, and a browser-made message as it is', () => {
    expect(translateFieldError({ path: 'x', code: 'from_a_newer_server', params: {}, message: 'something new' })).toBe('something new');
    expect(translateFieldError({ path: 'x', message: 'Заполните' })).toBe('Заполните');
  });
});

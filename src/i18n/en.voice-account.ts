/** Portal strings of client voice: account (en). Same keys in en and ru (i18n.test.ts checks). */
export const enVoiceAccount = {} as const;

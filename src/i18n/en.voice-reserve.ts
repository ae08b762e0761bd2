/** Portal strings of client voice: reserve (en). Same keys in en and ru (i18n.test.ts checks). */
export const enVoiceReserve = {} as const;

/** Portal strings of client voice: reserve (ru). Same keys in en and ru (i18n.test.ts checks). */
export const ruVoiceReserve = {} as const;

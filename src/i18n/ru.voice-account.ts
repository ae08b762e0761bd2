/** Portal strings of client voice: account (ru). Same keys in en and ru (i18n.test.ts checks). */
export const ruVoiceAccount = {} as const;

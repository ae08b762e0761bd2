/** Portal strings of client voice: polls (ru). Same keys in en and ru (i18n.test.ts checks). */
export const ruVoicePolls = {} as const;

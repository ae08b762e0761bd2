/** Portal strings of client voice: feedback (en). Same keys in en and ru (i18n.test.ts checks). */
export const enVoiceFeedback = {} as const;

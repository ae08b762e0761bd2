/** Portal strings of client voice: feedback (ru). Same keys in en and ru (i18n.test.ts checks). */
export const ruVoiceFeedback = {} as const;

/** Portal strings of client voice: proposals (ru). Same keys in en and ru (i18n.test.ts checks). */
export const ruVoiceProposals = {} as const;

/** Portal strings of client voice: proposals (en). Same keys in en and ru (i18n.test.ts checks). */
export const enVoiceProposals = {} as const;

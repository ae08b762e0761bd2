/** Portal strings of client voice: polls (en). Same keys in en and ru (i18n.test.ts checks). */
export const enVoicePolls = {} as const;

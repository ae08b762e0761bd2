/** Staff-app strings of client voice: feedback (en); spread into en.ts. Same keys in en and ru. */
export const enFeedback = {} as const;

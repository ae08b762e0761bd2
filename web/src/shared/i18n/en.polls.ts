/** Staff-app strings of client voice: polls (en); spread into en.ts. Same keys in en and ru. */
export const enPolls = {} as const;

/** Staff-app strings of client voice: proposals (en); spread into en.ts. Same keys in en and ru. */
export const enProposals = {} as const;

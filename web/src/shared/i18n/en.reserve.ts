/** Staff-app strings of client voice: reserve (en); spread into en.ts. Same keys in en and ru. */
export const enReserve = {} as const;

/** Staff-app strings of client voice: reserve (ru); spread into ru.ts. Same keys in en and ru. */
export const ruReserve = {} as const;

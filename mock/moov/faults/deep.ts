/** Where the deep faults start: only accounts larger than this show them. */
export const DEEP = 300;

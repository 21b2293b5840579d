import type { Fault } from './fault';

/** Includes: each breaks one promise of `included`. */
export const INCLUDES_FAULTS = {
  'included-drops-record': {
    family: 'includes',
    breaks: 'every reference resolves in included; the last record of each type is missing',
    tamper: { included: (included) => Object.fromEntries(Object.entries(included).map(([type, records]) => [type, records.slice(0, -1)])) },
  },
  'included-singular-keys': {
    family: 'includes',
    breaks: 'included is keyed by the plural type name; it uses a singular',
    tamper: {
      included: (included) => {
        const out: typeof included = {};
        for (const [type, records] of Object.entries(included)) out[type.replace(/s$/, '')] = records;
        return out;
      },
    },
  },
  'included-first-type-only': {
    family: 'includes',
    breaks: 'every requested type comes back; only the first does',
    tamper: { included: (included) => Object.fromEntries(Object.entries(included).slice(0, 1)) },
  },
} satisfies Record<string, Fault>;

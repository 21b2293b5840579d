import { answeredBody, type Fault } from './fault';

/** The first `length` code points of `text`. */
function cut(text: string, length: number): string {
  return Array.from(text).slice(0, length).join('');
}

/** Values stored exactly: each changes what a ticket keeps or shows of its input. */
export const VALUE_FAULTS = {
  'long-title-truncated': {
    family: 'values',
    breaks: 'a ticket keeps the title it was given; titles over 1,000 characters are cut to 1,000',
    deviation: () => ({ storedInput: (input) => ({ ...input, title: cut(input.title, 1000) }) }),
  },
  'email-lowercased': {
    family: 'values',
    breaks: 'a ticket keeps the contact it was given; the e-mail address is stored lower-cased',
    deviation: () => ({ storedInput: (input) => ({ ...input, contact: { ...input.contact, email: input.contact.email.toLowerCase() } }) }),
  },
  'title-trimmed': {
    family: 'values',
    breaks: 'a ticket keeps the title it was given; leading and trailing spaces are stripped',
    deviation: () => ({ storedInput: (input) => ({ ...input, title: input.title.trim() }) }),
  },
  'list-title-shortened': {
    family: 'values',
    breaks: 'a listed ticket shows the title it was given; list items show titles over 200 characters cut to 200',
    deviation: () => ({
      operation: answeredBody('listTickets', (body) => {
        if (!Array.isArray(body.items)) return;
        for (const item of body.items as Record<string, unknown>[]) if (typeof item.title === 'string') item.title = cut(item.title, 200);
      }),
    }),
  },
} satisfies Record<string, Fault>;

import { HttpAnswer } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';

/** Most messages one parameter gets: Ajv reports every error, and a hostile filter has many. */
const MAX_MESSAGES = 10;

/**
 * A 400 with the vendor's Validator body, `{"errors": {"<parameter>": ["message", ...]}}`: one
 * key per offending parameter, each a list of messages (notes/teamwork-desk.md).
 */
export function invalidParameters(config: TeamworkDeskMockConfig, errors: Record<string, string[]>): HttpAnswer {
  const body: Record<string, string[] | string> = {};
  for (const [parameter, messages] of Object.entries(errors)) {
    const key = config.faults.has('validator-wrong-key') ? 'request' : parameter;
    const list = [...((body[key] as string[] | undefined) ?? []), ...messages].slice(0, MAX_MESSAGES);
    body[key] = list;
  }
  if (config.faults.has('validator-messages-as-string')) {
    for (const key of Object.keys(body)) body[key] = (body[key] as string[]).join('; ');
  }
  return new HttpAnswer(400, { errors: body });
}

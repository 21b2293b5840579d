import { HttpAnswer } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';

/** Most messages one parameter gets: Ajv reports every error, and a hostile filter has many. */
const MAX_MESSAGES = 10;

/** One key per offending parameter, each a list of its first messages. */
function validatorBody(errors: Readonly<Record<string, string[]>>): Record<string, string[] | string> {
  const body: Record<string, string[]> = {};
  for (const [parameter, messages] of Object.entries(errors)) body[parameter] = messages.slice(0, MAX_MESSAGES);
  return body;
}

/**
 * A 400 with the vendor's Validator body, `{"errors": {"<parameter>": ["message", ...]}}`: one
 * key per offending parameter, each a list of messages (notes/teamwork-desk.md).
 */
export function invalidParameters(config: TeamworkDeskMockConfig, errors: Record<string, string[]>): HttpAnswer {
  return new HttpAnswer(400, { errors: config.tamper.validatorBody(validatorBody)(errors) });
}

import type { z } from 'zod';

/**
 * An account's stored (non-secret) config, parsed with its platform's schema.
 * A config that does not parse is refused naming the fields and what is wrong
 * with them, never their values: a config may hold an address or an id the
 * log and the screen need not repeat.
 */
export function parseAccountConfig<S extends z.ZodType>(schema: S, platformName: string, value: unknown): z.output<S> {
  const config = schema.safeParse(value);
  if (config.success) return config.data;
  const problems = config.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.code}`).join('; ');
  throw new RangeError(`This ${platformName} account's settings are not valid: ${problems}`);
}

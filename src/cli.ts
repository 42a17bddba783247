import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

/**
 * The flags of one command, the same way for every script: an unknown or malformed flag prints
 * the problem and the help on stderr (exit 2), `--help` prints the help (exit 0). Returns the
 * values, or the exit code to end with.
 */
export function parseCommand<const O extends Options>(name: string, help: string, options: O): { exit: number } | { values: Values<O> } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}\n\n${help}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(help);
    return { exit: 0 };
  }
  return { values: values as Values<O> };
}

/**
 * A flag that takes a whole number of at least 1: its value, undefined when the flag is absent,
 * or null after saying what is wrong (the caller exits 2).
 */
export function countFlag(name: string, flag: string, value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  console.error(`${name}: --${flag} takes a whole number of at least 1, not "${value}"`);
  return null;
}

/**
 * Marks the end of an exhaustive switch: a new union member that is not handled fails to compile
 * here. Reaching it at run time means a caller bypassed the types, which is a programmer error.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}. Add a branch for it to the switch.`);
}

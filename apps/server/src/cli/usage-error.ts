/** A command line that does not make sense: printed with the usage, exit code 1. */
export class UsageError extends Error {}

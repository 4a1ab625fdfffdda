// The test stack's addresses and secrets (scripts/lib/stack.ts) travel to the suites, and back to
// the benchmark, as TEST_* variables: this is the one list of their names.

const VARIABLES = {
  emulatorUrl: "TEST_EMULATOR_URL",
  appUrl: "TEST_APP_URL",
  appTwinUrl: "TEST_APP_TWIN_URL",
  privateAppUrl: "TEST_PRIVATE_APP_URL",
  databaseUrl: "TEST_DATABASE_URL",
  privateDatabaseUrl: "TEST_PRIVATE_DATABASE_URL",
  /** The PostgreSQL server's log; empty when TEST_DATABASE_URL named an outside server. */
  databaseLogFile: "TEST_DATABASE_LOG_FILE",
  tokenEncryptionKey: "TEST_TOKEN_ENCRYPTION_KEY",
  webhookSecret: "TEST_WEBHOOK_SECRET",
} as const;

export type Stack = Record<keyof typeof VARIABLES, string>;

/** The TEST_* variables that hand `values` to a suite's process. */
export function stackEnv(values: Stack): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VARIABLES).map(([key, name]) => [name, values[key as keyof Stack]]),
  );
}

function required(name: string): string {
  const value = process.env[name];
  // Empty is a value: databaseLogFile is empty for an outside server.
  if (value === undefined)
    throw new Error(`${name} is not set: run these tests through \`npm test\`.`);
  return value;
}

/** The running stack, each value read from this process's TEST_* variables when it is used. */
export const stack: Stack = Object.defineProperties(
  {} as Stack,
  Object.fromEntries(
    Object.entries(VARIABLES).map(([key, name]) => [
      key,
      { enumerable: true, get: () => required(name) },
    ]),
  ),
);

/** URLs and secrets of the stack `npm test` starts (scripts/test.ts). */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through \`npm test\`.`);
  return value;
}

export const stack = {
  get emulatorUrl() {
    return required("TEST_EMULATOR_URL");
  },
  get appUrl() {
    return required("TEST_APP_URL");
  },
  get appTwinUrl() {
    return required("TEST_APP_TWIN_URL");
  },
  get privateAppUrl() {
    return required("TEST_PRIVATE_APP_URL");
  },
  get databaseUrl() {
    return required("TEST_DATABASE_URL");
  },
  get privateDatabaseUrl() {
    return required("TEST_PRIVATE_DATABASE_URL");
  },
  get tokenEncryptionKey() {
    return required("TEST_TOKEN_ENCRYPTION_KEY");
  },
  get webhookSecret() {
    return required("TEST_WEBHOOK_SECRET");
  },
};

import { stack } from "../../scripts/lib/stack-env";

// What the app's processes get from scripts/test.ts, for the lib modules these tests import.
process.env.DATABASE_URL = stack.databaseUrl;
process.env.LIVECHAT_ACCOUNTS_URL = stack.emulatorUrl;
process.env.LIVECHAT_API_URL = stack.emulatorUrl;
process.env.TOKEN_ENCRYPTION_KEY = stack.tokenEncryptionKey;
process.env.NEXTAUTH_URL = stack.appUrl;
process.env.LIVECHAT_WEBHOOK_SECRET = stack.webhookSecret;

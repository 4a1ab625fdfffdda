import { generateKeySpec } from "../lib/auth/tokens/crypto";

// `npm run key:generate`: a new TOKEN_ENCRYPTION_KEY (key id + 32 random bytes, base64).
console.log(`TOKEN_ENCRYPTION_KEY=${generateKeySpec()}`);

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { authTokenEntities } from 'nestjs-auth-token';
import type { DataSourceOptions } from 'typeorm';
import type { DemoDatabase } from '../config/demo-config.js';
import { createPrivateFile } from './private-file.js';
import { User } from '../users/user.entity.js';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema.js';
import { EmailTokens1763900000001 } from './migrations/1763900000001-email-tokens.js';
import { Throttle1763900000002 } from './migrations/1763900000002-throttle.js';
import { CanonicalUsernamesAndSessionIp1763900000003 } from './migrations/1763900000003-canonical-usernames-and-session-ip.js';
import { ApiTokens1763900000004 } from './migrations/1763900000004-api-tokens.js';
import { Mfa1763900000005 } from './migrations/1763900000005-mfa.js';
import { Reauthentication1763900000006 } from './migrations/1763900000006-reauthentication.js';
import { UsernameSkeletons1763900000007 } from './migrations/1763900000007-username-skeletons.js';
import { SecurityLogAndKnownDevices1763900000008 } from './migrations/1763900000008-security-log-and-known-devices.js';
import { Passkeys1763900000010 } from './migrations/1763900000010-passkeys.js';

/** TypeORM options for the demo: its entities, and migrations run at start-up (no synchronize). */
export function dataSourceOptions(database: DemoDatabase): DataSourceOptions {
  const common = {
    entities: [User, ...authTokenEntities(User)],
    migrations: [
      InitialSchema1763900000000,
      EmailTokens1763900000001,
      Throttle1763900000002,
      CanonicalUsernamesAndSessionIp1763900000003,
      ApiTokens1763900000004,
      Mfa1763900000005,
      Reauthentication1763900000006,
      UsernameSkeletons1763900000007,
      SecurityLogAndKnownDevices1763900000008,
      Passkeys1763900000010,
    ],
    migrationsRun: true,
    synchronize: false,
  };
  if (database.type === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, connectTimeoutMS: 5000 };
  }
  if (database.file !== ':memory:') {
    mkdirSync(dirname(database.file), { recursive: true });
    // The users' password hashes and tokens' digests are in this file: like the MFA key file, for its owner only.
    createPrivateFile(database.file);
  }
  return { ...common, type: 'better-sqlite3', database: database.file, enableWAL: database.file !== ':memory:' };
}

import { OutboxMessage } from '../../libs/jobs/outbox-message.entity';
import { RefreshToken } from '../modules/identity/refresh-token.entity';
import { User } from '../modules/identity/user.entity';
import { JobHeartbeat } from '../modules/system/heartbeat.entity';

/** Every entity, listed explicitly: no file-system discovery, so TS and compiled JS behave alike. */
export const ENTITIES = [User, RefreshToken, OutboxMessage, JobHeartbeat];

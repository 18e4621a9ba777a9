export { JobHeartbeat } from './heartbeat.entity';
export { HeartbeatProcessor } from './heartbeat.processor';
export { GeneratedSecret } from './generated-secret.entity';

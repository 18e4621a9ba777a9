export { JobHeartbeat } from './heartbeat.entity';
export { HeartbeatProcessor } from './heartbeat.processor';

// A local SMTP sink for the benches, run as a child process of its own (so that accepting mail
// never takes the measured worker's event loop): accepts everything over plain connections, counts
// messages without parsing them, and reports to its parent over IPC.
//   child -> parent: { type: 'listening', port } once listening; on { type: 'count' }, the messages
//   received so far and the CPU time the sink used ({ type: 'count', received, cpuMs }); on
//   { type: 'close' } it stops.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  // No reverse DNS lookup per connection.
  disableReverseLookup: true,
  onData: (stream, _session, callback) => {
    stream.on('end', () => {
      received += 1;
      callback();
    });
    stream.resume();
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo;
  process.send?.({ type: 'listening', port });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'count') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'count', received, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.type === 'close') server.close(() => process.exit(0));
});
// The parent died: do not linger.
process.on('disconnect', () => process.exit(0));

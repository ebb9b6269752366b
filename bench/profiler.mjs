import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

// BENCH_CPU_PROFILE=<file>: the line "profile" on stdin starts the V8 CPU profiler, the next one writes its
// .cpuprofile (what `node --cpu-prof` writes, but of the load alone: no start-up, no shutdown). Not a signal:
// enableShutdownHooks() takes them all, SIGUSR2 included.
export function profileOnRequest() {
  if (!process.env.BENCH_CPU_PROFILE) return;
  const session = new Session();
  session.connect();
  let running = false;
  process.stdin.setEncoding('utf8').on('data', async (text) => {
    if (text.trim() !== 'profile') return;
    running = !running;
    if (running) {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
      await session.post('Profiler.start');
    } else {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));
      console.log('bench profile written');
    }
  });
}

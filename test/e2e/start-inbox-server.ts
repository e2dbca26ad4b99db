// Starts the compiled binary's inbox on a free port (rate limits off) and resolves with its URL
// once it listens; rejects with everything it printed if it exits first.
import { spawn, type ChildProcess } from 'node:child_process';
import { binaryPath, projectRoot } from './run-thresher.js';

export interface StartedInbox {
  child: ChildProcess;
  url: string;
}

export function startInboxServer(dataDir: string): Promise<StartedInbox> {
  const child = spawn(
    process.execPath,
    [binaryPath, 'serve', '--port', '0', '--data', dataDir, '--no-rate-limit'],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

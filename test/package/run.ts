import { spawn } from 'node:child_process';

/** What a command printed and how it ended. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a user's shell: the parent's, without what npm and vitest put there for their own runs. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|TEST$|NODE_OPTIONS$|NODE_ENV$|FORCE_COLOR$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', PACT_DO_NOT_TRACK: 'true', ...extra };
}

/** Runs a shell command line in `cwd` and collects its output; never rejects for a non-zero exit. */
export function run(command: string, cwd: string, env: NodeJS.ProcessEnv = userEnv()): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Like `run`, but a non-zero exit is an Error carrying the command's output (for setup steps that must work). */
export async function runOrThrow(command: string, cwd: string, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  const result = await run(command, cwd, env);
  if (result.code !== 0) throw new Error(`'${command}' exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Copies the repository as a fresh clone would hold it (tracked files plus new files git does not ignore: no dist,
 * no reports, no node_modules) into `dest`, then links the installed node_modules so `npm pack` can build there.
 * Packing a copy keeps the working tree's dist untouched and proves the package builds from sources alone.
 */
export function copyAsCleanClone(repo: string, dest: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  for (const file of new Set(listed.split('\0').filter((f) => f !== ''))) {
    const target = join(dest, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      cpSync(join(repo, file), target);
    } catch (error) {
      // A file deleted in the working tree but still tracked is simply absent, as after the next commit.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(repo, 'node_modules'), join(dest, 'node_modules'), 'dir');
}

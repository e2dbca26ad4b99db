// The directory adapter on real folders: regular files only, skipped folders, size caps,
// confinement to the root.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryOpener } from './create-directory-access.js';

const root = mkdtempSync(join(tmpdir(), 'thresher-tree-'));
const outside = mkdtempSync(join(tmpdir(), 'thresher-outside-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

write('SECURITY.md', '# Security\n');
write('src/a.ts', 'export {};\n');
write('node_modules/pkg/index.js', 'x');
write('.git/config', 'x');
write('big.md', 'x'.repeat(2000));
writeFileSync(join(outside, 'secret.txt'), 'secret');
symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
symlinkSync(outside, join(root, 'linked-folder'));
execFileSync('mkfifo', [join(root, 'pipe')]);

describe('directoryOpener.openTree', () => {
  it('lists regular files only, sorted, skipping .git, node_modules, symlinks and FIFOs', async () => {
    const tree = await directoryOpener.openTree(root);
    const { files, problems } = await tree.listFiles();
    expect(files.map((file) => file.path)).toEqual(['SECURITY.md', 'big.md', 'src/a.ts']);
    expect(problems).toEqual([]);
  });

  it('reads within the cap, reports the size past it, and refuses symlinks, FIFOs and escapes', async () => {
    const tree = await directoryOpener.openTree(root);
    const read = await tree.readFile('SECURITY.md', 100);
    expect(new TextDecoder().decode(read?.bytes ?? new Uint8Array())).toBe('# Security\n');
    expect(await tree.readFile('big.md', 1000)).toEqual({ size: 2000, bytes: null });
    expect((await tree.readHead('big.md', 4))?.bytes?.length).toBe(4);
    expect(await tree.readFile('link.txt', 100)).toBeNull();
    expect(await tree.readFile('pipe', 100)).toBeNull();
    expect(await tree.measure('big.md')).toBe(2000);
    await expect(tree.readFile('../outside.txt', 100)).rejects.toThrow(
      /outside the project folder/,
    );
  });

  it('refuses a path that is not a directory', async () => {
    await expect(directoryOpener.openTree(join(root, 'SECURITY.md'))).rejects.toThrow(
      /not a directory/,
    );
    await expect(directoryOpener.openTree(join(root, 'missing'))).rejects.toThrow(/cannot read/);
  });
});

describe('directoryOpener.openProject', () => {
  it('reads text, writes with folders, and refuses to write through a symlink', async () => {
    const project = await directoryOpener.openProject(join(root, 'new-project'));
    expect(await project.readText('SECURITY.md')).toBeNull();
    await project.writeText('.github/x/y.md', 'hello');
    expect(await project.readText('.github/x/y.md')).toBe('hello');
    const top = await directoryOpener.openProject(root);
    await expect(top.writeText('link.txt', 'x')).rejects.toThrow(/not a regular file/);
    await expect(top.readText('pipe')).rejects.toThrow(/not a regular file/);
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquirePgliteLock, DatabaseLockedError } from '@/db/pglite-lock';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the embedded database lock', () => {
  it('refuses while another live process holds the folder, and says so', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    const dataDir = path.join(dir, 'pglite');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
      expect(() => acquirePgliteLock(dataDir)).toThrow(DatabaseLockedError);
      expect(() => acquirePgliteLock(dataDir)).toThrow(
        /in use by another process \(pid \d+\).*Nothing was changed/,
      );
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died, and releases its own', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    const dataDir = path.join(dir, 'pglite');
    fs.writeFileSync(`${dataDir}.lock`, '999999999');
    const release = acquirePgliteLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});

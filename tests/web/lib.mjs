// What every browser test needs: a fresh demo database made by `jaring demo`,
// the real `jaring serve` on a free loopback port, and Debian's chromium driven
// by playwright-core.  Nothing here imitates the server.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const SOURCE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// The tests' own accounts, made with `jaring user add` on the fresh database.
export const USERS = {
  officer: { username: 'uji-petugas', password: 'sandi-petugas-uji', role: 'officer' },
  partner: { username: 'uji-mitra', password: 'sandi-mitra-uji', role: 'partner' },
};

export function addUser(jaring, db, who, partnerId) {
  const argv = ['--db', db, 'user', 'add', who.username, '--role', who.role, '--password-stdin'];
  if (partnerId !== undefined) argv.push('--partner', String(partnerId));
  execFileSync(jaring, argv, { input: who.password + '\n', stdio: ['pipe', 'ignore', 'pipe'] });
}

// Whether this build has a command (parts of jaring land at different times).
export function hasCommand(jaring, name) {
  try {
    execFileSync(jaring, [name, '--help'], { stdio: 'ignore' });
    return true;
  } catch (_) {
    return false;
  }
}

// argv: node test.mjs JARING BUILD_DIR
export function args() {
  const jaring = process.argv[2];
  const build = process.argv[3] || process.cwd();
  if (!jaring) throw new Error('usage: node TEST.mjs path/to/jaring [build-dir]');
  return { jaring: resolve(jaring), build: resolve(build) };
}

// Where screenshots go: BUILD/artifacts/ (build-san/artifacts/dashboard.png).
export function artifactsDir(build) {
  const dir = join(build, 'artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Tells why the browser tests cannot run, or null when they can.
export async function missing() {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (make deps installs chromium)`;
  try {
    await import('playwright-core');
  } catch (_) {
    return 'playwright-core not installed (make deps runs npm ci)';
  }
  return null;
}

export function jaringJson(jaring, db, ...argv) {
  const out = execFileSync(jaring, ['--db', db, ...argv, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

// A fresh demo database and the server on it.  Returns {url, db, jaring, stop}.
export async function startServer(jaring) {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-web-'));
  const db = join(dir, 'demo.db');
  execFileSync(jaring, ['--db', db, 'demo', '--force'], { stdio: ['ignore', 'ignore', 'pipe'] });
  addUser(jaring, db, USERS.officer);
  const proc = spawn(jaring, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=1' },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('jaring serve printed no URL in 30 s: ' + stderr)), 30000);
    const rl = createInterface({ input: proc.stdout });
    rl.once('line', (line) => { clearTimeout(timer); res(line.trim()); });
    proc.once('exit', (code) => { clearTimeout(timer); rej(new Error(`jaring serve exited (${code}): ${stderr}`)); });
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url)) throw new Error('unexpected first line from jaring serve: ' + url);
  const stop = async () => {
    if (proc.exitCode === null) {
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
    return stderr;
  };
  return { url, db, dir, jaring, stop, stderr: () => stderr };
}

export async function launch() {
  const { chromium } = await import('playwright-core');
  // --no-sandbox: the tests run as root on CI, where chromium's sandbox refuses.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export async function signIn(page, url, who) {
  await page.goto(url);
  await page.fill('#username', who.username);
  await page.fill('#password', who.password);
  await page.click('form[data-testid=signin] button[type=submit]');
  await page.waitForSelector('[data-testid=who]');
}

export function execText(bin, argv) {
  return execFileSync(bin, argv, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

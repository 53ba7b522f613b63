// A small TAP producer for the node tests: tests/run.py counts "ok" and
// "not ok" lines, and a non-zero exit without "not ok" counts as one failure.
const tests = [];

// Thrown by skip(): the test is reported "ok N - name # SKIP reason" (TAP), so a
// part of the program that is not built yet is named, not failed or hidden.
class Skip extends Error {}

export function skip(reason) {
  throw new Skip(reason);
}

export function test(name, fn) {
  tests.push({ name, fn });
}

// Runs every registered test in order; `before`/`after` set up and tear down
// what the tests share (the server, the browser).  A failed set-up fails every
// test so the count stays honest.
export async function run({ before, after } = {}) {
  console.log(`1..${tests.length}`);
  let failed = 0;
  let setupError = null;
  if (before) {
    const started = Date.now();
    try {
      await before();
      console.log(`# set-up ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      setupError = e;
    }
  }
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i];
    const started = Date.now();
    try {
      if (setupError) throw setupError;
      await t.fn();
      console.log(`ok ${i + 1} - ${t.name}`);
      console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      if (e instanceof Skip) {
        console.log(`ok ${i + 1} - ${t.name} # SKIP ${e.message}`);
        console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
        continue;
      }
      failed++;
      console.log(`not ok ${i + 1} - ${t.name}`);
      for (const line of String((e && e.stack) || e).split('\n').slice(0, 12))
        console.log(`# ${line}`);
    }
  }
  if (after) {
    try {
      await after();
    } catch (e) {
      console.log(`# tear-down: ${e && e.message}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

export function equal(actual, expected, what = '') {
  if (actual !== expected)
    throw new Error(`${what ? what + ': ' : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function ok(cond, what) {
  if (!cond) throw new Error(what || 'assertion failed');
}

// Two browser tabs chat through the sample app's page, with the official browser client.
// Usage: node two-tabs.js <app url> <chromium executable> <screenshot path>
'use strict';
const { chromium } = require('playwright-core');

const [url, executablePath, screenshot] = process.argv.slice(2);
const TIMEOUT_MS = 15000;

async function join(page, nick) {
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('connected'),
    null, { timeout: TIMEOUT_MS });
  await page.fill('#nick', nick);
  await page.click('#join button');
  await page.locator('#messages li', { hasText: 'you are ' + nick + ' in lobby' }).waitFor({ timeout: TIMEOUT_MS });
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const alice = await context.newPage();
    const bob = await context.newPage();
    await join(alice, 'alice');
    await join(bob, 'bob');
    await alice.locator('#messages li', { hasText: 'bob joined lobby' }).waitFor({ timeout: TIMEOUT_MS });
    console.log('OK both tabs joined');

    await alice.fill('#text', 'hello from alice');
    await alice.click('#send-button');
    await bob.locator('#messages li', { hasText: 'alice: hello from alice' }).waitFor({ timeout: TIMEOUT_MS });
    await bob.fill('#text', 'hi alice');
    await bob.click('#send-button');
    await alice.locator('#messages li', { hasText: 'bob: hi alice' }).waitFor({ timeout: TIMEOUT_MS });
    console.log('OK messages crossed between the tabs');

    await alice.waitForFunction(() => document.getElementById('status').textContent === 'connected over websocket',
      null, { timeout: TIMEOUT_MS });
    console.log('OK upgraded to websocket');
    await alice.waitForFunction(() => document.getElementById('clock').textContent.startsWith('server time'),
      null, { timeout: TIMEOUT_MS });
    console.log('OK server clock shown');
    if (screenshot) await alice.screenshot({ path: screenshot });
    console.log('ALL OK');
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.log('FAIL ' + (err && err.stack ? err.stack : err));
  process.exitCode = 1;
});

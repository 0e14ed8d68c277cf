// Browser test of the offline banner (web/src/pwa.ts) and the language switch:
// the banner is outside the page main.ts renders, so it used to keep the
// language it was made in. Here a member's phone (375 px, Dutch) and laptop
// (1280 px, English) lose the connection while a page is open
// (context.setOffline: the browser's "offline" event, no reload), the banner
// appears in the UI's language, the language is switched while offline, and the
// banner must then read exactly the other language's sentence; switched back,
// the first again. Both languages' strings come from the service worker's copy.
// Screenshots: offline-banner-375-nl.png, offline-banner-1280-en.png.
// Run: VERBINDER_BINARY=build/src/app/verbinder node --test web/test/offline-language.test.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { ANJA, axeViolations, goto, login, perFile, screenshot, settle, swReady } from './harness.mjs';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

// The banner's sentence in both languages, from the shell's strings table (it shows on any page).
async function bannerText() {
  const r = await esbuild.build({
    entryPoints: [path.join(SRC, 'strings', 'shell.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error',
  });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(r.outputFiles[0].text).toString('base64'));
  return { nl: mod.nl['pwa.offline'], en: mod.en['pwa.offline'] };
}

let text;
const { server, browser, ready } = perFile();

before(async () => {
  await ready();
  text = await bannerText();
  // The oracle itself: one Dutch and one English sentence, not the same.
  assert.match(text.nl, /^Je bent offline\./);
  assert.match(text.en, /^You are offline\./);
});

// Online once: the service worker controls the page and has kept both
// languages' string chunks (main.ts has it warm them after the first render).
async function prepare(page) {
  await swReady(page, server.base);
}

const banner = (page) => page.locator('#offline-banner');
async function waitForBanner(page, expected) {
  await page.waitForFunction((want) => document.getElementById('offline-banner')?.textContent === want, expected, { timeout: 10000 })
    .catch(() => {});
  assert.equal(await banner(page).textContent(), expected);
}
async function switchLanguage(page, to) {
  await page.locator('button.lang').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
  await settle(page);
}

describe('the offline banner follows the language switch', () => {
  for (const { width, lang, other, browserLang } of [
    { width: 375, lang: 'nl', other: 'en', browserLang: 'nl-NL' },
    { width: 1280, lang: 'en', other: 'nl', browserLang: 'en-GB' },
  ]) {
    test(`${width} px ${lang}: offline while a page is open, switched to ${other} and back`, async () => {
      const b = await browser({ width, height: width < 800 ? 812 : 900, lang: browserLang });
      const { page, context } = b;
      await login(page, server.base, ANJA);
      await page.evaluate((l) => localStorage.setItem('vb_lang', l), lang);
      await prepare(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await banner(page).count(), 0, 'no banner while online');
      await context.setOffline(true);
      try {
        await waitForBanner(page, text[lang]);
        assert.deepEqual(await axeViolations(page), [], `axe with the banner (${lang})`);
        await screenshot(page, `offline-banner-${width}-${lang}`);
        await switchLanguage(page, other);
        await waitForBanner(page, text[other]);
        assert.equal(await banner(page).count(), 1, 'one banner, not a second one');
        assert.equal(await page.evaluate(() => navigator.onLine), false, 'still offline');
        await screenshot(page, `offline-banner-${width}-${other}-switched`);
        await switchLanguage(page, lang);
        await waitForBanner(page, text[lang]);
      } finally {
        await context.setOffline(false);
      }
      await page.waitForFunction(() => !document.getElementById('offline-banner'));
      assert.deepEqual(b.problems.filter((p) => p.startsWith('pageerror')), []);
    });
  }
});

// Drives the Swagger UI in headless Chromium like an agency user: authorize with an API key,
// run "List influencers", and expect a 200 with data. Usage: node swagger-ui.mjs BASE_URL API_KEY SCREENSHOT
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.MICROSCOUT_TOOLS ?? 'target/tools', 'package.json'));
const { chromium } = require('playwright-core');
const [baseUrl, apiKey, screenshot] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/q/swagger-ui/`);
  await page.locator('button.authorize').first().click();
  const apiKeyBlock = page.locator('.auth-container').filter({ hasText: 'X-API-Key' });
  await apiKeyBlock.locator('input').fill(apiKey);
  await apiKeyBlock.locator('button.authorize').click();
  await page.locator('button.btn-done').first().click();

  const operation = page.locator('#operations-Influencers-listInfluencers');
  await operation.locator('.opblock-summary').click();
  await operation.locator('button.try-out__btn').click();
  const [response] = await Promise.all([
    page.waitForResponse(r => new URL(r.url()).pathname === '/api/v1/influencers', { timeout: 15000 }),
    operation.locator('button.execute').click(),
  ]);
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  const code = (await status.innerText()).trim();
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
  const data = await response.json();
  if (code !== '200' || response.status() !== 200 || !(data.total > 0) || data.items.length === 0) {
    console.error(`expected 200 with influencers, got ${code} (HTTP ${response.status()}): ${JSON.stringify(data).slice(0, 300)}`);
    process.exit(1);
  }
  console.log(`Swagger UI: List influencers answered ${code} with ${data.total} influencers`);
} finally {
  await browser.close();
}

// Evaluates flags through the OpenFeature JavaScript server SDK and its OFREP provider, exactly as docs/evaluation.md
// tells an application to set it up, and prints what the SDK returned as one JSON object (OpenFeatureJsIT reads it).
// Usage: FLAGTRAIL_URL=http://127.0.0.1:8080 FLAGTRAIL_API_KEY=ft_... node openfeature-check.mjs <on> <greeting> <limit> <colours>
import { OpenFeature } from '@openfeature/server-sdk';
import { OFREPProvider } from '@openfeature/ofrep-provider';

const [on, greeting, limit, colours] = process.argv.slice(2);
await OpenFeature.setProviderAndWait(new OFREPProvider({
  baseUrl: process.env.FLAGTRAIL_URL,
  headers: [['X-API-Key', process.env.FLAGTRAIL_API_KEY]],
}));
const client = OpenFeature.getClient();
const pick = (d) => ({ value: d.value, variant: d.variant ?? null, reason: d.reason ?? null, errorCode: d.errorCode ?? null });

console.log(JSON.stringify({
  on: pick(await client.getBooleanDetails(on, false, { targetingKey: 'user-1' })),
  newApp: pick(await client.getStringDetails(greeting, '?', { targetingKey: 'user-1', appVersion: '2.1.0' })),
  oldApp: pick(await client.getStringDetails(greeting, '?', { targetingKey: 'user-1', appVersion: '1.9.3' })),
  pro: pick(await client.getNumberDetails(limit, 0, { targetingKey: 'user-1', plan: 'pro' })),
  french: pick(await client.getObjectDetails(colours, {}, { targetingKey: 'user-1', country: 'FR' })),
  missing: pick(await client.getBooleanDetails('no-such-flag', true, { targetingKey: 'user-1' })),
}));
await OpenFeature.close();

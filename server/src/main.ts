import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed.js';
import { openConfigured, prepare } from './runtime.js';

/** config → database → migrations → demo world on first start → app → listen. */
async function main() {
  const config = loadConfig();
  const database = await openConfigured(config);
  const services = await prepare(database, { sessionHours: config.sessionHours, publicUrl: config.publicUrl });
  const seeded = await seedDemo(services, { log: (line) => console.log(`  演示数据 demo: ${line}`) });

  const app = await buildApp({ services, logLevel: config.logLevel, secureCookies: config.secureCookies, webDist: config.webDist });
  await app.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}`;
  console.log(`\nShijian 市监 is running on ${database.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL'}`);
  console.log(`  打开 Open:      ${url}`);
  console.log(`  接口文档 API:   ${url}/api/docs`);
  if (seeded.created || database.kind === 'pglite') {
    console.log(`\n演示账户 Demo accounts (密码 password: ${DEMO_PASSWORD})`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(20)} ${a.displayName}`);
  }

  // The statistics of the current periods are computed once now, not by the first reader.
  const warming = Date.now();
  services.reporting
    .warm()
    .then((n) => console.log(`  统计 statistics: ${n} current tables computed in ${((Date.now() - warming) / 1000).toFixed(1)} s`))
    .catch((err: unknown) => console.error(`  统计 statistics: warm-up failed: ${err instanceof Error ? err.message : String(err)}`));

  // Risk scores are kept between requests: computed once now, then patched as signals arrive.
  services.risk
    .rescore()
    .then((ms) => console.log(`  风险 risk: scores computed in ${(ms / 1000).toFixed(1)} s`))
    .catch((err: unknown) => console.error(`  风险 risk: scoring failed: ${err instanceof Error ? err.message : String(err)}`));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: stopping…`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

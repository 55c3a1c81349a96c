/**
 * The baseline server of bench/load.ts: bare Fastify (no plugins, no database) answering one
 * trivial JSON route, in a process of its own like the real server. Listens on 127.0.0.1:PORT.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/ping', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
